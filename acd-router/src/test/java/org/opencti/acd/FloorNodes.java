package org.opencti.acd;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.opencti.core.adapter.memory.InMemoryAgentStateStore;
import org.opencti.core.adapter.memory.InMemoryFloor;
import org.opencti.core.adapter.memory.InMemoryLiveCallStore;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.screenpop.ScreenPopService;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;

/**
 * Several CTI nodes in one test: each its own ACD, fake PBX gateway and desktop, all sharing the floor, the bookings, the
 * live calls, the agents' states and the history (as Redis and PostgreSQL would be), and one clock. PBX events go to the
 * nodes the test names, as one Asterisk's event stream reaches every node.
 */
final class FloorNodes {
    static final Duration WRAP = Duration.ofSeconds(10);
    static final Duration TTL = Duration.ofSeconds(5);

    final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T09:00:00Z"));
    final InMemoryFloor floor = new InMemoryFloor(time.clock());
    final WatchedBookings bookings = new WatchedBookings(floor);
    final InMemoryLiveCallStore liveCalls = new InMemoryLiveCallStore();
    final InMemoryAgentStateStore agentStates = new InMemoryAgentStateStore();
    final List<InteractionRecord> history = new ArrayList<>();

    /** One CTI node. */
    final class Node {
        final String id;
        final RecordingPbx pbx = new RecordingPbx();
        final List<DesktopEvent> pushed = new ArrayList<>();
        final AcdService acd;
        /** The dialer's side of the ACD, as every node of the server has one (campaigns run on the holder). */
        final OutboundAgents outbound;

        Node(String id, Executor bookingLine) {
            this.id = id;
            List<QueueSetup> queues = List.of(
                QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 5)), WRAP, Duration.ofSeconds(15)));
            List<AgentProfile> agents = List.of(
                new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 8)),
                new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("billing", 7)),
                new AgentProfile("2003", "Cy", "blue", "Local/2003@agents", Map.of("billing", 6)));
            ScreenPopService pops = new ScreenPopService(NOBODY, new PhoneNumbers("US"), Runnable::run, Duration.ofMillis(150));
            AcdPorts ports = new AcdPorts(pbx, pops, pushed::add, agentStates, new ListHistory(history), Runnable::run);
            ClusterPorts cluster = new ClusterPorts(floor, deferred(bookings, bookingLine), liveCalls, true);
            acd = new AcdService(AcdSetup.simple(AcdSettings.standard("billing"), queues, agents), ports, SingleWriter.inline(), time,
                new SimpleMeterRegistry(), cluster);
            outbound = new OutboundAgents(acd, time);
        }

        /** The node's lease claim succeeds (the floor is free or this node holds it) and its wiring hands the ACD the floor. */
        FloorLease.Tenure claim() {
            FloorLease.Tenure tenure = floor.claim(id, "http://" + id, TTL).orElseThrow();
            done(acd.takeFloor(tenure));
            return tenure;
        }

        void ready(String agent) {
            done(acd.login(agent));
            done(acd.ready(agent));
        }

        List<String> offeredCalls(String agent) {
            return pushed.stream().filter(e -> e instanceof DesktopEvent.CallOffered o && o.agentId().equals(agent))
                .map(e -> ((DesktopEvent.CallOffered) e).callId()).toList();
        }
    }

    Node node(String id) {
        return new Node(id, Runnable::run);
    }

    static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    void emit(PbxEvent event, Node... nodes) {
        for (Node n : nodes) {
            n.acd.onPbxEvent(event);
            n.outbound.onPbxEvent(event); // after the ACD, as the server registers them
        }
    }

    /** A caller reaches the hold context; returns their channel. */
    ChannelRef callerOnHold(String uid, String number, Node... nodes) {
        ChannelRef ch = new ChannelRef(uid, "Local/" + number + "@cti-hold-" + uid + ";2", uid);
        Instant now = time.now();
        emit(new PbxEvent.ChannelCreated(now, ch, "<unknown>", "<unknown>", "cti-hold", number), nodes);
        emit(new PbxEvent.CallerIdChanged(now, ch, number, "Jane Doe"), nodes);
        emit(new PbxEvent.VariableSet(now, ch, "CTI_QUEUE", "billing"), nodes);
        emit(new PbxEvent.DialplanStep(now, ch, "cti-hold", "s", 1, "NoOp", number, "Jane Doe"), nodes);
        return ch;
    }

    static LiveChannel waitingInHold(ChannelRef ch, String number) {
        return new LiveChannel(ch, ChannelState.UP, number, "Jane Doe", "cti-hold", "s", "MusicOnHold", null);
    }

    static LiveChannel bridged(ChannelRef ch, String context) {
        return new LiveChannel(ch, ChannelState.UP, null, null, context, "s", "BridgeWait", "bridge-1");
    }

    void hangup(ChannelRef ch, Node... nodes) {
        emit(new PbxEvent.ChannelHungUp(time.now(), ch, 16, "Normal Clearing"), nodes);
    }

    private static final CustomerDirectory NOBODY = new CustomerDirectory() {
        @Override
        public Optional<CustomerProfile> findByPhone(String e164, int recent) {
            return Optional.empty();
        }

        @Override
        public Customer save(Customer customer) {
            return customer;
        }

        @Override
        public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
            return Optional.empty();
        }
    };

    /** The bookings as one node reaches them: its async calls answered when {@code line} runs them (in order), as a store would. */
    static AgentBookings deferred(AgentBookings store, Executor line) {
        return new AgentBookings() {
            @Override
            public boolean book(String agentId, String work, long epoch) {
                return store.book(agentId, work, epoch);
            }

            @Override
            public void free(String agentId, String work) {
                store.free(agentId, work);
            }

            @Override
            public CompletionStage<Boolean> bookAsync(String agentId, String work, long epoch) {
                CompletableFuture<Boolean> answer = new CompletableFuture<>();
                line.execute(() -> {
                    try {
                        answer.complete(store.book(agentId, work, epoch));
                    } catch (RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                });
                return answer;
            }

            @Override
            public CompletionStage<Void> freeAsync(String agentId, String work) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                line.execute(() -> {
                    try {
                        store.free(agentId, work);
                        done.complete(null);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
                return done;
            }

            @Override
            public boolean retainOnly(Map<String, String> keep, long epoch) {
                return store.retainOnly(keep, epoch);
            }

            @Override
            public Map<String, String> all() {
                return store.all();
            }
        };
    }

    /** The shared bookings, counting refusals and noting any booking of an agent already booked for other work. */
    static final class WatchedBookings implements AgentBookings {
        private final InMemoryFloor floor;
        final List<String> doubleBooked = new ArrayList<>();
        int refusals;
        int booked;
        /** The store out of reach: every call throws, as a Lettuce command timing out does. */
        boolean down;

        WatchedBookings(InMemoryFloor floor) {
            this.floor = floor;
        }

        @Override
        public synchronized boolean book(String agentId, String work, long epoch) {
            reach();
            String had = floor.all().get(agentId);
            if (had != null && !had.equals(work)) {
                doubleBooked.add(agentId + " for " + work + " while booked for " + had);
            }
            boolean ok = floor.book(agentId, work, epoch);
            if (ok) {
                booked++;
            } else {
                refusals++;
            }
            return ok;
        }

        @Override
        public void free(String agentId, String work) {
            reach();
            floor.free(agentId, work);
        }

        @Override
        public boolean retainOnly(Map<String, String> keep, long epoch) {
            reach();
            return floor.retainOnly(keep, epoch);
        }

        @Override
        public Map<String, String> all() {
            return floor.all();
        }

        private void reach() {
            if (down) {
                throw new IllegalStateException("Command timed out after 2 second(s)");
            }
        }
    }
}
