package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.DeskBench.done;
import static org.opencti.acd.DeskBench.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.adapter.memory.InMemoryScheduledCallbackStore;
import org.opencti.core.adapter.memory.InMemoryDeskDefaults;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.callback.ScheduledCallback.Assignee;
import org.opencti.core.callback.ScheduledCallback.Status;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.time.ManualScheduler;

/** Callbacks agents schedule: made at their time, to their agent when free or through the queue, and kept across a restart. */
class ScheduledCallbacksTest {
    private static final String ALICE = "+12025550143";
    private final DeskBench desk = new DeskBench(false);
    private final AcdBench bench = desk.bench;

    /** {@code local} in London (GMT in November: the same as UTC). */
    private ScheduledCallback schedule(String agent, Assignee to, String local) {
        return done(desk.desk().schedule(agent, new AgentDesk.CallbackRequest(to, null, ALICE, 7L,
            CallbackTime.parse(local, null, DeskBench.LONDON), "confirm the refund")));
    }

    private void ready(String agent) {
        done(bench.acd.login(agent));
        done(bench.acd.ready(agent));
    }

    private List<String> offeredTo(String agent) {
        return bench.pushed.stream().filter(e -> e instanceof DesktopEvent.CallOffered o && o.agentId().equals(agent))
            .map(e -> ((DesktopEvent.CallOffered) e).callId()).toList();
    }

    private Status stored(ScheduledCallback c) {
        return desk.callbacks.find(c.id()).orElseThrow().status();
    }

    @Test
    void aToMeCallbackIsMadeAtItsTimeAgentFirstAndIsDoneWhenTheCustomerAnswers() {
        ready("2001");
        ScheduledCallback c = schedule("2001", Assignee.AGENT, "2026-11-23T10:00");
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(bench.pushed).anyMatch(e -> e instanceof DesktopEvent.CallbacksChanged ch && ch.agentId().equals("2001"));
        bench.time.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(bench.originated()).as("not before its time").isEmpty();
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(offeredTo("2001")).containsExactly("cb-" + c.id());
        assertThat(bench.pushed).filteredOn(e -> e instanceof DesktopEvent.ScreenPopped).singleElement()
            .satisfies(e -> assertThat(((DesktopEvent.ScreenPopped) e).callData()).containsEntry("CTI_CALLBACK_NOTE", "confirm the refund")
                .containsEntry("CTI_CALLBACK_FOR", "2001"));
        assertThat(stored(c)).isEqualTo(Status.ACTIVE);
        assertThat(refusal(desk.desk().cancel(c.id())).getMessage()).as("too late once it is being made")
            .isEqualTo("callback " + c.id() + " is being made now: too late to cancel it");

        bench.answer("100.9", "2001");
        assertThat(bench.originated()).containsExactly("Local/2001@agents", "Local/" + ALICE + "@cti-outbound");
        ChannelRef customer = bench.answer("200.1", "customer");
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(stored(c)).isEqualTo(Status.DONE);
        assertThat(done(desk.desk().callbacks())).isEmpty();
        bench.hangUp(customer);
        assertThat(bench.history).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("answered");
            assertThat(r.agentId()).isEqualTo("2001");
            assertThat(r.customerId()).isEqualTo(7L);
            assertThat(r.key()).startsWith("callback:sched-" + c.id());
        });
    }

    @Test
    void aToMeCallbackWaitsForItsBusyAgentAndGoesToThemWhenTheyAreFree() {
        ready("2001");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", DeskBench.BILLING));
        bench.answer("100.9", "2001");
        ScheduledCallback c = schedule("2001", Assignee.AGENT, "2026-11-23T09:05");
        ready("2002");
        bench.time.advance(Duration.ofMinutes(5));
        assertThat(offeredTo("2002")).as("not to another agent while its own is within the grace").isEmpty();
        assertThat(stored(c)).isEqualTo(Status.ACTIVE);
        bench.time.advance(Duration.ofSeconds(30));
        bench.hangUp(caller);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        bench.time.advance(Duration.ofSeconds(10));
        assertThat(offeredTo("2001")).as("free again: the callback first").containsExactly("c-100.1", "cb-" + c.id());
        assertThat(offeredTo("2002")).isEmpty();
        bench.time.advance(DeskBench.GRACE);
        assertThat(offeredTo("2002")).as("the grace timer was cancelled").isEmpty();
    }

    @Test
    void aToMeCallbackGoesToTheQueueAfterTheGraceOrAtOnceWhenItsAgentIsLoggedOut() {
        done(bench.acd.login("2001"));
        done(bench.acd.notReady("2001", "lunch"));
        ScheduledCallback lunch = schedule("2001", Assignee.AGENT, "2026-11-23T09:10");
        ScheduledCallback away = schedule("2002", Assignee.AGENT, "2026-11-23T09:20");
        done(bench.acd.login("2002"));
        done(bench.acd.notReady("2002", "meeting"));
        bench.time.advance(Duration.ofMinutes(10));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(DeskBench.GRACE.minusSeconds(1));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(done(bench.acd.waitingCalls())).extracting(WaitingCall::callId).as("in the queue, waiting since its time")
            .containsExactly("cb-" + lunch.id());
        assertThat(done(bench.acd.waitingCalls()).get(0).waitingSince()).isEqualTo(lunch.dueAt());

        done(bench.acd.logout("2002"));
        bench.time.advance(Duration.ofMinutes(8));
        assertThat(done(bench.acd.waitingCalls())).extracting(WaitingCall::callId).as("logged out: to the queue at its time")
            .containsExactly("cb-" + lunch.id(), "cb-" + away.id());
        done(bench.acd.ready("2001"));
        assertThat(offeredTo("2001")).as("any agent of the queue, oldest first").containsExactly("cb-" + lunch.id());
    }

    @Test
    void aPoolCallbackWaitsInItsQueueFromItsDueTimeLikeACaller() {
        schedule("2001", Assignee.QUEUE, "2026-11-23T09:10");
        bench.time.advance(Duration.ofMinutes(9).plusSeconds(30));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", DeskBench.BILLING));
        bench.time.advance(Duration.ofSeconds(40));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", DeskBench.BILLING));
        List<WaitingCall> line = done(bench.acd.waitingCalls());
        assertThat(line).extracting(WaitingCall::callId).element(0).isEqualTo("c-100.1");
        assertThat(line.get(1).callId()).startsWith("cb-");
        assertThat(line.get(2).callId()).isEqualTo("c-100.2");
        ready("2002");
        assertThat(offeredTo("2002")).containsExactly("c-100.1");
    }

    @Test
    void aCancelledCallbackNeverFiresAndAMovedOneFiresAtItsNewTime() {
        ready("2001");
        ScheduledCallback cancelled = schedule("2001", Assignee.AGENT, "2026-11-23T09:30");
        ScheduledCallback moved = schedule("2001", Assignee.AGENT, "2026-11-23T09:40");
        assertThat(done(desk.desk().cancel(cancelled.id())).status()).isEqualTo(Status.CANCELLED);
        ScheduledCallback later = done(desk.desk().reschedule(moved.id(), CallbackTime.parse("2026-11-23T10:15", null, DeskBench.LONDON)));
        assertThat(later.version()).isEqualTo(1);
        assertThat(done(desk.desk().callbacks())).extracting(o -> o.callback().id()).containsExactly(moved.id());
        assertThat(done(desk.desk().callbacks()).get(0).ownerTeam()).isEqualTo("blue");
        bench.time.advance(Duration.ofMinutes(45));
        assertThat(bench.originated()).as("neither at the old times").isEmpty();
        bench.time.advance(Duration.ofMinutes(30));
        assertThat(offeredTo("2001")).containsExactly("cb-" + moved.id());
        assertThat(stored(cancelled)).isEqualTo(Status.CANCELLED);
    }

    @Test
    void aChangeMadeOnAStaleCopyIsRefused() {
        ScheduledCallback c = schedule("2001", Assignee.AGENT, "2026-11-23T09:30");
        // another writer got there first (the store holds version 1 now)
        assertThat(desk.callbacks.update(c.rescheduled(Instant.parse("2026-11-23T11:00:00Z"), "UTC"))).isTrue();
        DeskRefusal r = refusal(desk.desk().cancel(c.id()));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
        assertThat(r.getMessage()).isEqualTo("callback " + c.id() + " changed meanwhile: read it again");
        assertThat(stored(c)).isEqualTo(Status.PENDING);
    }

    @Test
    void aDueCallbackIsClaimedAgainWhenTheStoreWasDown() {
        InMemoryScheduledCallbackStore real = new InMemoryScheduledCallbackStore();
        AtomicBoolean down = new AtomicBoolean();
        ScheduledCallbackStore flaky = new ScheduledCallbackStore() {
            @Override
            public void add(ScheduledCallback c) {
                real.add(c);
            }

            @Override
            public boolean update(ScheduledCallback c) {
                if (down.get()) {
                    throw new IllegalStateException("database unreachable");
                }
                return real.update(c);
            }

            @Override
            public Optional<ScheduledCallback> find(String id) {
                return real.find(id);
            }

            @Override
            public List<ScheduledCallback> open() {
                return real.open();
            }
        };
        DeskBench shaky = new DeskBench(false, flaky, new InMemoryDeskDefaults(), new ManualScheduler(AcdBench.START));
        done(shaky.bench.acd.login("2001"));
        done(shaky.bench.acd.ready("2001"));
        ScheduledCallback c = done(shaky.desk().schedule("2001", new AgentDesk.CallbackRequest(Assignee.AGENT, null, ALICE, null,
            CallbackTime.parse("2026-11-23T09:10", null, DeskBench.LONDON), null)));
        down.set(true);
        shaky.bench.time.advance(Duration.ofMinutes(10));
        assertThat(shaky.bench.originated()).as("not made while it cannot be recorded").isEmpty();
        assertThat(real.find(c.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        down.set(false);
        shaky.bench.time.advance(ScheduledCallbacks.CLAIM_RETRY);
        assertThat(shaky.bench.originated()).containsExactly("Local/2001@agents");
        assertThat(real.find(c.id()).orElseThrow().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void pastTimesAndBadFieldsAreRefusedNamingTheField() {
        DeskRefusal past = refusal(desk.desk().schedule("2001", new AgentDesk.CallbackRequest(Assignee.AGENT, null, ALICE, null,
            CallbackTime.parse("2026-11-23T08:59", null, DeskBench.LONDON), null)));
        assertThat(past.field()).isEqualTo("dueAt");
        assertThat(past.getMessage()).isEqualTo("2026-11-23T08:59 (Europe/London) is in the past: it is 2026-11-23T09:00 there now");
        assertThat(CallbackTime.parse("2026-11-23T10:00", "America/New_York", DeskBench.LONDON).at())
            .as("in the agent's zone when they give one").isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        DeskRefusal gap = assertRefused(() -> CallbackTime.parse("2027-03-28T01:30", null, DeskBench.LONDON));
        assertThat(gap.getMessage()).isEqualTo("2027-03-28T01:30 does not exist in Europe/London (the clocks skip it): pick another time");
        assertThat(assertRefused(() -> CallbackTime.parse("tomorrow", null, DeskBench.LONDON)).getMessage())
            .startsWith("\"tomorrow\" is not a date and time");
        assertThat(assertRefused(() -> CallbackTime.parse("2026-11-23T10:00", "Mars/Base", DeskBench.LONDON)).field())
            .isEqualTo("timeZone");
        DeskRefusal queue = refusal(desk.desk().schedule("2001", new AgentDesk.CallbackRequest(Assignee.QUEUE, "sales", ALICE, null,
            CallbackTime.parse("2026-11-23T10:00", null, DeskBench.LONDON), null)));
        assertThat(queue.field()).isEqualTo("queue");
        assertThat(refusal(desk.desk().schedule("2001", new AgentDesk.CallbackRequest(Assignee.QUEUE, null, "2025550143", null,
            CallbackTime.parse("2026-11-23T10:00", null, DeskBench.LONDON), null))).field()).isEqualTo("number");
        assertThat(desk.callbacks.open()).as("nothing stored").isEmpty();
    }

    private static DeskRefusal assertRefused(Runnable r) {
        try {
            r.run();
        } catch (DeskRefusal e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aRestartReadsTheOpenCallbacksBackAndFiresThoseDueMeanwhile() {
        done(bench.acd.login("2001"));
        done(bench.acd.ready("2001"));
        ScheduledCallback active = schedule("2001", Assignee.AGENT, "2026-11-23T09:01");
        ScheduledCallback missed = schedule("2001", Assignee.AGENT, "2026-11-23T09:10");
        ScheduledCallback later = schedule("2001", Assignee.AGENT, "2026-11-23T11:00");
        ScheduledCallback cancelled = schedule("2001", Assignee.AGENT, "2026-11-23T09:05");
        done(desk.desk().cancel(cancelled.id()));
        bench.time.advance(Duration.ofMinutes(1));
        assertThat(stored(active)).as("being made when the node stops").isEqualTo(Status.ACTIVE);

        // The node stops at 09:01 (its clock is never advanced again); another starts at 09:30 over the same stores.
        ManualScheduler after = new ManualScheduler(AcdBench.START.plus(Duration.ofMinutes(30)));
        DeskBench restarted = new DeskBench(false, desk.callbacks, desk.defaults, after);
        AcdBench node = restarted.bench;
        done(node.acd.login("2001"));
        assertThat(done(restarted.desk().restore())).isEqualTo(3);
        assertThat(done(restarted.desk().callbacks())).extracting(o -> o.callback().id())
            .containsExactly(active.id(), missed.id(), later.id());
        after.runDue();
        assertThat(restarted.callbacks.find(active.id()).orElseThrow().version()).as("claimed again by the new node").isEqualTo(2);
        assertThat(restarted.callbacks.find(missed.id()).orElseThrow().status()).as("due meanwhile: made now").isEqualTo(Status.ACTIVE);
        done(node.acd.ready("2001"));
        assertThat(node.pushed.stream().filter(e -> e instanceof DesktopEvent.CallOffered)
            .map(e -> ((DesktopEvent.CallOffered) e).callId()))
            .as("the one that was being made comes first; the missed one waits for the agent")
            .containsExactly("cb-" + active.id());
        node.pbx.fail(node.pbx.lastReference(), 3); // Ann does not pick up: that one goes to the queue, the other after the grace
        after.advance(DeskBench.GRACE);
        assertThat(done(node.acd.waitingCalls())).extracting(WaitingCall::callId)
            .containsExactly("cb-" + active.id(), "cb-" + missed.id());
        assertThat(restarted.callbacks.find(later.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        after.advance(Duration.ofMinutes(90));
        assertThat(restarted.callbacks.find(later.id()).orElseThrow().status()).as("at its own time").isEqualTo(Status.ACTIVE);
    }
}
