package org.opencti.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opencti.acd.CallSkillPolicy;
import org.opencti.acd.calendar.BusinessCalendar;
import org.opencti.config.ContactCentreConfig;
import org.opencti.config.SkillDef;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerAccounts;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.survey.SurveyAnswer;
import org.opencti.desktop.http.AdminOutcome;
import org.opencti.ivr.agi.AgiScript;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.entry.EntryIvr;
import org.opencti.ivr.run.ContainmentStats;
import org.opencti.ivr.run.MenuRunner;
import org.opencti.ivr.run.MenuTreeScript;
import org.opencti.ivr.run.OpenHours;
import org.opencti.ivr.run.SoundFiles;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.MenuTreeException;
import org.opencti.ivr.tree.MenuTreeLoader;
import org.opencti.ivr.tree.MenuTreeRegistry;
import org.opencti.ivr.tree.MenuTrees;
import org.opencti.ivr.tree.ReloadResult;
import org.opencti.ivr.tree.Node;

/**
 * What answers {@code AGI(agi://cti/ivr?menu=NAME)}: the configured menu tree of that name, or the built-in entry
 * menu when there is none. The trees are checked against the contact centre at start: every queue they transfer to
 * and every calendar they ask must exist, or the node does not start.
 */
final class IvrSetup {
    /** The FastAGI scripts, and how to reload the menu trees (null without a menu file). */
    record Ivr(AgiScriptRouter router, Supplier<AdminOutcome> reload, Supplier<Map<String, Object>> containment) {
    }

    /** The survey tree's name, and the channel variables the ACD set on the caller at connect. */
    static final String SURVEY = "survey";
    static final List<String> SURVEY_CONTEXT = List.of("CTI_CALL_ID", "CTI_AGENT", "CTI_QUEUE");
    /** Collected variables named SURVEY_<QUESTION> hold the caller's 1-5 answers. */
    private static final String ANSWER_PREFIX = "SURVEY_";

    private IvrSetup() {
    }

    static Ivr create(ContactCentreConfig config, Map<String, BusinessCalendar> calendars, CustomerAccounts customers,
                      SurveyLog surveys, Executor worker, Clock clock, MeterRegistry metrics) {
        AgiScript entry = new EntryIvr(entryMenu(config), metrics);
        if (config.ivrMenuFile() == null) {
            // Only the entry menu is built in: other menus (e.g. the survey) end the AGI and the dialplan moves on.
            AgiScriptRouter entryOnly = request -> "ivr".equals(request.script()) && "main".equals(request.parameter("menu", "main"))
                ? Optional.of(entry) : Optional.empty();
            return new Ivr(entryOnly, null, null);
        }
        MenuTrees trees = loadChecked(config);
        MenuTreeRegistry registry = new MenuTreeRegistry(trees);
        IvrCustomerData customerData = new IvrCustomerData(customers, new PhoneNumbers(config.defaultRegion()), worker, clock);
        OpenHours hours = calendar -> CompletableFuture.completedFuture(
            calendars.getOrDefault(calendar, BusinessCalendar.alwaysOpen()).isOpen(clock.instant()));
        MenuRunner runner = new MenuRunner(MenuRunner.Settings.standard(), customerData, customerData, hours);
        ContainmentStats containment = new ContainmentStats();
        AgiScript treeScript = new MenuTreeScript(registry, runner, containment, config.defaultQueue())
            .onFinished(SURVEY_CONTEXT, run -> worker.execute(() -> storeSurvey(run, surveys, clock)));
        AgiScriptRouter router = request -> {
            if (!"ivr".equals(request.script())) {
                return Optional.empty();
            }
            String menu = request.parameter("menu", "main");
            if (registry.current().tree(menu).isPresent()) {
                return Optional.of(treeScript);
            }
            return "main".equals(menu) ? Optional.of(entry) : Optional.empty();
        };
        return new Ivr(router, () -> reload(registry, Path.of(config.ivrMenuFile()), config), () -> report(containment.snapshot()));
    }

    /**
     * What {@code check --config} says about the menu file: the trees fit the contact centre, and the recordings they
     * play. Throws IllegalArgumentException naming every problem, like the server's start would.
     */
    static List<String> check(ContactCentreConfig config) {
        if (config.ivrMenuFile() == null) {
            return List.of("IVR: the built-in entry menu (no ivrMenuFile)");
        }
        MenuTrees trees = loadChecked(config);
        int nodes = trees.trees().values().stream().mapToInt(t -> t.nodes().size()).sum();
        List<String> lines = new ArrayList<>();
        lines.add("IVR: " + trees.trees().size() + " menu trees, " + nodes + " nodes, from " + config.ivrMenuFile());
        lines.add("sound files to install (Asterisk sounds directory, any supported format):");
        SoundFiles.of(trees, MenuRunner.Settings.standard()).forEach(f -> lines.add("  " + f));
        return lines;
    }

    private static MenuTrees loadChecked(ContactCentreConfig config) {
        MenuTrees trees;
        try {
            trees = MenuTreeLoader.load(Path.of(config.ivrMenuFile()));
        } catch (MenuTreeException e) {
            throw new IllegalArgumentException("ivrMenuFile " + config.ivrMenuFile() + ": " + e.getMessage(), e);
        }
        List<String> problems = crossCheck(trees, config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ivrMenuFile " + config.ivrMenuFile() + " does not fit the contact centre:\n  - "
                + String.join("\n  - ", problems));
        }
        return trees;
    }

    /** Hot reload: the file's trees replace the running ones only when they are valid and fit the contact centre. */
    static AdminOutcome reload(MenuTreeRegistry registry, Path file, ContactCentreConfig config) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            return new AdminOutcome(422, Map.of("applied", false, "problems", List.of(file + ": cannot read: " + e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(crossCheck(MenuTreeLoader.parse(yaml, file.toString()), config));
        } catch (MenuTreeException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            return new AdminOutcome(422, Map.of("applied", false, "problems", problems));
        }
        ReloadResult result = registry.reload(yaml, file.toString());
        return new AdminOutcome(result.applied() ? 200 : 422, Map.of("applied", result.applied(), "problems", result.problems()));
    }

    /** A finished survey run: each SURVEY_<QUESTION> answer of 1-5 is stored against the call, agent and queue. */
    static int storeSurvey(MenuTreeScript.FinishedRun run, SurveyLog surveys, Clock clock) {
        String callId = run.context().get("CTI_CALL_ID");
        if (!SURVEY.equals(run.menu()) || callId == null) {
            return 0;
        }
        int stored = 0;
        for (Map.Entry<String, String> e : run.outcome().data().entrySet()) {
            if (e.getKey().startsWith(ANSWER_PREFIX) && e.getValue().matches("[1-5]")) {
                String question = e.getKey().substring(ANSWER_PREFIX.length()).toLowerCase(Locale.ROOT);
                if (surveys.record(new SurveyAnswer(callId, run.context().get("CTI_AGENT"), run.context().get("CTI_QUEUE"), question,
                    Integer.parseInt(e.getValue()), clock.instant()))) {
                    stored++;
                }
            }
        }
        return stored;
    }

    /** Per node: visits, callers who finished in self-service there, who reached a person, who hung up there. */
    static Map<String, Object> report(ContainmentStats.Snapshot s) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        s.nodes().forEach((id, n) -> nodes.put(id, Map.of("visits", n.visits(), "selfService", n.selfService(), "person", n.person(),
            "hungUp", n.hungUp())));
        return Map.of("calls", s.calls(), "selfService", s.selfService(), "person", s.person(), "hungUp", s.hungUp(),
            "containmentRate", s.containmentRate(), "nodes", nodes);
    }

    /** Queues and calendars the trees name must exist here. */
    static List<String> crossCheck(MenuTrees trees, ContactCentreConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> skills = config.skills().stream().map(SkillDef::name).collect(Collectors.toSet());
        for (MenuTree tree : trees.trees().values()) {
            if (config.queue(tree.personExit()).isEmpty()) {
                problems.add("trees." + tree.name() + ".personExit: unknown queue \"" + tree.personExit() + "\"");
            }
            for (Node node : tree.nodes().values()) {
                String at = "trees." + tree.name() + ".nodes." + node.id();
                if (node instanceof Node.TransferToQueue t && config.queue(t.queue()).isEmpty()) {
                    problems.add(at + ".queue: unknown queue \"" + t.queue() + "\"");
                } else if (node instanceof Node.CallbackRequest c && config.queue(c.queue()).isEmpty()) {
                    problems.add(at + ".queue: unknown queue \"" + c.queue() + "\"");
                } else if (node instanceof Node.BusinessHours b && config.calendar(b.calendar()).isEmpty()) {
                    problems.add(at + ".calendar: unknown calendar \"" + b.calendar() + "\"");
                } else if (node instanceof Node.SetData d && d.values().containsKey("skills")) {
                    problems.addAll(unknownSkills(at + ".values.skills", d.values().get("skills"), skills));
                }
            }
        }
        return problems;
    }

    /** Skills a tree asks for ({@code skill} or {@code skill:level}, comma-separated) that this contact centre lacks. */
    private static List<String> unknownSkills(String at, String value, Set<String> known) {
        List<String> problems = new ArrayList<>();
        for (String item : value.split(",")) {
            if (CallSkillPolicy.requirement(item.trim(), known).isEmpty()) {
                problems.add(at + ": \"" + item.trim() + "\" is not a skill of this contact centre (skill or skill:level 1-10)");
            }
        }
        return problems;
    }

    /** The standard entry menu, offering only the queues this contact centre has. */
    static EntryIvr.Settings entryMenu(ContactCentreConfig config) {
        EntryIvr.Settings standard = EntryIvr.Settings.standard();
        Map<String, EntryIvr.Option> options = new LinkedHashMap<>();
        standard.options().forEach((digit, option) -> {
            if (config.queue(option.queue()).isPresent()) {
                options.put(digit, option);
            }
        });
        return new EntryIvr.Settings(standard.greetingPrompt(), standard.menuPrompt(), options, standard.maxAttempts(),
            standard.digitTimeoutMs(), config.defaultQueue(), standard.holdContext());
    }
}
