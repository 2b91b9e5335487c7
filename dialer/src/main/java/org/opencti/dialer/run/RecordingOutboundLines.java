package org.opencti.dialer.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lines that go nowhere: every request and action is recorded, and whoever drives it (a test, the demo) plays the
 * PBX by handing {@link LineEvent}s to the runner.
 */
public final class RecordingOutboundLines implements OutboundLines {
    /** An action on a line: connect (with the agent), safe_harbour, hangup, leave_message. */
    public record Action(String kind, String line, String agentId, String thread) {
    }

    private final List<DialRequest> dialed = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private final List<String> dialThreads = new ArrayList<>();

    @Override
    public synchronized void dial(DialRequest request) {
        dialed.add(request);
        dialThreads.add(Thread.currentThread().getName());
    }

    @Override
    public synchronized void connect(String line, String agentId) {
        actions.add(new Action("connect", line, agentId, Thread.currentThread().getName()));
    }

    @Override
    public synchronized void safeHarbour(String line) {
        actions.add(new Action("safe_harbour", line, null, Thread.currentThread().getName()));
    }

    @Override
    public synchronized void hangup(String line) {
        actions.add(new Action("hangup", line, null, Thread.currentThread().getName()));
    }

    @Override
    public synchronized void leaveMessage(String line) {
        actions.add(new Action("leave_message", line, null, Thread.currentThread().getName()));
    }

    public synchronized List<DialRequest> dialed() {
        return List.copyOf(dialed);
    }

    /** The threads each dial was placed on, in order. */
    public synchronized List<String> dialThreads() {
        return List.copyOf(dialThreads);
    }

    public synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    public synchronized Optional<DialRequest> request(String line) {
        return dialed.stream().filter(d -> d.line().equals(line)).findFirst();
    }
}
