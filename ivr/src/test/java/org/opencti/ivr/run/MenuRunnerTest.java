package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.ivr.run.RunFixtures.ACCOUNT;
import static org.opencti.ivr.run.RunFixtures.KNOWN;
import static org.opencti.ivr.run.RunFixtures.VIP;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.opencti.ivr.run.RunOutcome.End;
import org.opencti.ivr.tree.MenuTrees;
import org.opencti.ivr.tree.Node.ValueKind;

/** Known callers, sub-menus, slow services and failures. */
class MenuRunnerTest {

    private static final MenuTrees SAMPLE = RunFixtures.sample();

    private static final String WITH_SUB_MENU = """
            trees:
              main:
                languages: [en, es]
                defaultLanguage: en
                start: setLanguage
                personExit: support
                nodes:
                  setLanguage: {type: setData, values: {language: es}, next: faq}
                  faq: {type: subMenu, tree: faq, next: afterFaq}
                  afterFaq:
                    type: menu
                    prompts: {en: en/anything-else, es: es/anything-else}
                    choices: {1: agent, 2: bye}
                  agent: {type: transferToQueue, queue: support}
                  bye: {type: hangup}
              faq:
                languages: [en]
                defaultLanguage: en
                start: faqMenu
                personExit: faq-desk
                nodes:
                  faqMenu:
                    type: menu
                    prompts: {en: en/faq-menu}
                    choices: {1: hoursInfo, 9: return}
                    retries: 0
                  hoursInfo: {type: prompt, prompts: {en: en/our-hours}, next: faqMenu}
            """;

    @Test
    void aVipCallerGoesStraightToTheVipQueueWithTheirData() {
        ScriptedCaller caller = ScriptedCaller.pressing();

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), SAMPLE, "main", VIP, caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "vipCheck", "vipAgent"), End.PERSON, "vipAgent"));
        assertThat(caller.log()).noneMatch(l -> l.startsWith("play") || l.startsWith("collect"));
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support").containsEntry("CUSTOMER_NAME", "Grace Hopper")
                .containsEntry("CTI_CALLER", VIP);
    }

    @Test
    void aKnownCallerWhoIsNotVipHearsTheMenuAndTheAgentSeesTheirName() {
        ScriptedCaller caller = ScriptedCaller.pressing("0");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), SAMPLE, "main", KNOWN, caller);

        assertThat(outcome.path()).containsExactly("identify", "vipCheck", "hours", "welcome", "agent");
        assertThat(caller.variables()).containsEntry("CUSTOMER_NAME", "Ada Lovelace").containsEntry("CTI_QUEUE", "support");
    }

    @Test
    void aSubMenuReturnsToItsCallerInTheCallersLanguageFallingBackToTheDefault() {
        MenuTrees trees = RunFixtures.parse(WITH_SUB_MENU);
        ScriptedCaller caller = ScriptedCaller.pressing("1", "9", "1");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), trees, "main", "unknown", caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("setLanguage", "faq", "faq/faqMenu", "faq/hoursInfo", "faq/faqMenu",
                "afterFaq", "agent"), End.PERSON, "agent"));
        assertThat(caller.log()).startsWith("collect en/faq-menu", "play en/our-hours", "collect en/faq-menu",
                "collect es/anything-else");
        assertThat(caller.variables()).containsEntry("CTI_LANGUAGE", "es");
    }

    @Test
    void aFailureInASubMenuUsesTheSubMenusPersonExit() {
        MenuTrees trees = RunFixtures.parse(WITH_SUB_MENU);
        ScriptedCaller caller = ScriptedCaller.pressing("5");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), trees, "main", "unknown", caller);

        assertThat(outcome.lastNode()).isEqualTo("faq/faqMenu");
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "faq-desk");
    }

    @Test
    void returnAtTheTopLevelIsThePersonExit() {
        MenuTrees trees = RunFixtures.parse(WITH_SUB_MENU);
        ScriptedCaller caller = ScriptedCaller.pressing("9");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), trees, "faq", "unknown", caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("faqMenu"), End.PERSON, "faqMenu"));
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "faq-desk").containsEntry("CTI_IVR_PATH", "faq>faqMenu");
    }

    @Test
    void aCallerLookupThatNeverAnswersCountsAsUnknownAfterTheDeadline() {
        CustomerLookup silent = new CustomerLookup() {
            @Override
            public CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber) {
                return new CompletableFuture<>();
            }
        };
        MenuRunner runner = new MenuRunner(MenuRunner.Settings.standard().withPortDeadline(Duration.ofMillis(20)), silent,
                (account, pin) -> new CompletableFuture<>(), OpenHours.openFor(Set.of("us-office")));
        ScriptedCaller caller = ScriptedCaller.pressing("1", ACCOUNT, "4321");

        RunOutcome outcome = RunFixtures.run(runner, SAMPLE, "main", VIP, caller);

        assertThat(outcome.path()).containsExactly("identify", "hours", "welcome", "billingIntent", "billingAccount", "billingAgent");
        assertThat(caller.log()).filteredOn(l -> l.equals("collect en/enter-pin")).hasSize(1);
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "billing");
    }

    @Test
    void aCalendarThatFailsCountsAsOpen() {
        InMemoryCustomers customers = RunFixtures.customers();
        MenuRunner runner = new MenuRunner(MenuRunner.Settings.standard(), customers, customers,
                calendar -> CompletableFuture.failedFuture(new IllegalStateException("calendar service down")));
        ScriptedCaller caller = ScriptedCaller.pressing("0");

        assertThat(RunFixtures.run(runner, SAMPLE, "main", "unknown", caller).path()).containsExactly("identify", "hours",
                "welcome", "agent");
    }

    @Test
    void aCallerCirclingTheMenusIsSentToAPersonAfterMaxSteps() {
        InMemoryCustomers customers = RunFixtures.customers();
        MenuRunner.Settings settings = new MenuRunner.Settings("cti-hold", "cti-callback", "cti-voicemail", "invalid",
                "enter-pin", Duration.ofSeconds(1), 12);
        MenuRunner runner = new MenuRunner(settings, customers, customers, OpenHours.openFor(Set.of("us-office")));
        String[] keys = new String[30];
        for (int i = 0; i < keys.length; i += 3) {
            keys[i] = "2";
            keys[i + 1] = RunFixtures.ORDER;
            keys[i + 2] = "9";
        }
        ScriptedCaller caller = ScriptedCaller.pressing(keys);

        RunOutcome outcome = RunFixtures.run(runner, SAMPLE, "main", KNOWN, caller);

        assertThat(outcome.end()).isEqualTo(End.PERSON);
        assertThat(outcome.path()).hasSize(12);
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support").containsEntry("CTI_INTENT", "order-status");
    }

    @Test
    void anUnexpectedFailureStillReachesAPerson() {
        ScriptedCaller scripted = ScriptedCaller.pressing("2", RunFixtures.ORDER);
        CallerIo broken = new DelegatingIo(scripted) {
            @Override
            public CompletionStage<Void> say(String value, ValueKind kind) {
                return CompletableFuture.failedFuture(new IllegalStateException("AGI 510"));
            }
        };
        InMemoryCustomers customers = RunFixtures.customers();
        MenuRunner runner = new MenuRunner(MenuRunner.Settings.standard(), customers, customers, OpenHours.openFor(Set.of("us-office")));

        RunOutcome outcome = runner.run(SAMPLE, SAMPLE.tree("main").orElseThrow(), KNOWN, broken).toCompletableFuture().join();

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "vipCheck", "hours", "welcome", "orderIntent", "orderKnownCaller", "orderNumber",
                "orderLookup", "sayStatus"), End.PERSON, "sayStatus"));
        assertThat(scripted.variables()).containsEntry("CTI_QUEUE", "support").containsEntry("ORDER_STATUS", "shipped");
    }
}
