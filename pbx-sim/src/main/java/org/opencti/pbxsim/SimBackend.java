package org.opencti.pbxsim;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link AmiBackend} over the simulator core: actions run on the core thread. */
final class SimBackend implements AmiBackend {
    private static final List<String> KNOWN = List.of("Login", "Logoff", "Challenge", "Ping", "Events", "Originate",
        "Redirect", "Bridge", "Hangup", "Setvar", "Getvar", "PlayDTMF", "UserEvent", "CoreShowChannels", "Status", "Command",
        "CoreSettings", "CoreStatus");

    private final PbxCore core;
    private final AmiActions actions;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    SimBackend(PbxCore core, Runnable restart) {
        this.core = core;
        this.actions = new AmiActions(core, restart);
    }

    @Override
    public void execute(Runnable task) {
        core.later(task);
    }

    @Override
    public String secretOf(String username) {
        return core.settings.amiUser().equals(username) ? core.settings.amiSecret() : null;
    }

    @Override
    public Clock clock() {
        return core.clock;
    }

    @Override
    public long uptimeSeconds() {
        return core.uptimeSeconds();
    }

    @Override
    public long lastReloadSeconds() {
        return core.uptimeSeconds();
    }

    @Override
    public Duration authFailureDelay() {
        return core.settings.authFailureDelay();
    }

    @Override
    public boolean supports(String actionLowerCase) {
        return AmiActions.NAMES.contains(actionLowerCase);
    }

    @Override
    public void dispatch(AmiSession session, AmiMessage action) {
        actions.handle(session, action);
    }

    @Override
    public void actionReceived(String actionName) {
        counts.computeIfAbsent(canonical(actionName), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void authenticated(AmiSession session) {
        core.sessions.add(session);
    }

    @Override
    public void closed(AmiSession session) {
        core.sessions.remove(session);
    }

    /** Counts per action name (Asterisk's spelling for known actions, {@code Originate}; else as first sent). */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    int count(String action) {
        AtomicInteger n = counts.get(canonical(action));
        return n == null ? 0 : n.get();
    }

    private static String canonical(String name) {
        String n = name.trim();
        for (String known : KNOWN) {
            if (known.equalsIgnoreCase(n)) {
                return known;
            }
        }
        return n;
    }
}
