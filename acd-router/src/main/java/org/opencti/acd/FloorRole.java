package org.opencti.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opencti.core.agent.AgentState;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.time.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's ACD holds the floor (routes, rings, answers agents' commands) or stands by, and the agents' bookings
 * it makes as the holder (see "Several CTI nodes" in ARCHITECTURE.md). Every booking and its freeing run on the cluster's
 * booking line, one at a time in the order made, so an agent's "free" never overtakes their "book"; the answer comes back
 * on the owner. A booking refused because the floor has a newer epoch means another node holds it: this one leaves.
 * State on the ACD's owner, except {@link #holding()}, which any thread may read.
 */
final class FloorRole {
    private static final Logger LOG = LoggerFactory.getLogger(FloorRole.class);

    /** What became of a booking. */
    enum Booking {
        /** The agent is booked for the work: go on. */
        BOOKED,
        /** Booked for other work (another node's, or ours not yet freed): this agent is not to be offered now. */
        TAKEN,
        /** Our epoch is not the floor's any more: another node holds it. */
        STALE,
        /** The store did not answer: nothing is known, nothing was offered. */
        FAILED
    }

    private final AcdService acd;
    private final SingleWriter owner;
    private final ClusterPorts cluster;
    private final Counter refused;
    private final Counter unconfirmed;
    private volatile FloorLease.Tenure tenure;
    /** The last booking found the store unreachable: offers go on without waiting for it. */
    private volatile boolean storeDown;
    /** Bumped on every change of role: an answer to a booking made under an earlier tenure is ignored. */
    private long generation;
    private final Timer bookingTime;

    FloorRole(AcdService acd, SingleWriter owner, ClusterPorts cluster, FloorLease.Tenure holding, MeterRegistry meters) {
        this.acd = acd;
        this.owner = owner;
        this.cluster = cluster;
        this.tenure = holding;
        this.refused = meters.counter("cti.acd.bookings.refused");
        this.bookingTime = Timer.builder("cti.acd.booking").description("Booking an agent in the shared store, queueing included")
            .publishPercentileHistogram().register(meters);
        this.unconfirmed = meters.counter("cti.acd.bookings.unconfirmed");
    }

    boolean holding() {
        return tenure != null;
    }

    FloorLease.Tenure tenure() {
        return tenure;
    }

    ClusterPorts cluster() {
        return cluster;
    }

    /** Agents' commands and everything that starts work ask this first. */
    void requireFloor() {
        if (tenure == null) {
            throw new IllegalStateException("this node does not hold the floor: it follows the PBX but routes nothing");
        }
    }

    /** From now on this node routes under {@code next}; on the owner. */
    void hold(FloorLease.Tenure next) {
        generation++;
        tenure = next;
        storeDown = false;
    }

    /**
     * Still the holder, now under {@code next} (the store lost the lease, or was out of reach): the local state stays, so
     * answers to bookings still on the line still count; the bookings are made again under {@code next} by the caller.
     */
    void holdOn(FloorLease.Tenure next) {
        tenure = next;
        storeDown = false;
    }

    /** Stops at once (any thread); the owner clears the calls and agents after. */
    void stop() {
        tenure = null;
    }

    /** On the owner, when the local state is cleared: answers to earlier bookings are dropped. */
    void forgetBookings() {
        generation++;
    }

    /** Marks the agent as booked for {@code work} before their state changes, so {@link #afterChange} books nothing more. */
    void claim(AgentSession agent, String work) {
        agent.booking = work;
    }

    /**
     * Books the agent for the work {@link #claim}ed; {@code then} hears the answer on the owner (at once on a single node),
     * except a stale epoch: then this node leaves the floor at once, writing nothing more (no release of the agent, whom
     * the holder may have booked meanwhile; the caller is in the PBX's hold, where the holder finds them).
     */
    void book(AgentSession agent, Consumer<Booking> then) {
        FloorLease.Tenure t = tenure;
        String work = agent.booking;
        if (!cluster.shared()) {
            then.accept(Booking.BOOKED); // a node on its own is the only one who could book anybody
            return;
        }
        if (t == null || work == null) {
            then.accept(Booking.STALE);
            return;
        }
        long asOf = generation;
        String id = agent.profile.id();
        long asked = System.nanoTime();
        boolean waitForStore = !storeDown;
        if (!waitForStore) {
            unconfirmed.increment();
            then.accept(Booking.BOOKED); // the store was unreachable a moment ago: do not make the caller wait for it again
        }
        // Sent from the owner's thread without waiting: an agent's bookings and freeings reach the store in the order made.
        ask(id, work, t).thenAccept(answer -> {
            // from the router's pick to the store's answer
            bookingTime.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
            if (answer == Booking.BOOKED) {
                storeDown = false;
            } else if (answer == Booking.FAILED) {
                storeDown = true;
            }
            Runnable back = () -> {
                if (asOf != generation) {
                    return; // the floor changed hands meanwhile: the state this answer was for is gone
                }
                if (!waitForStore || answer == Booking.FAILED) {
                    afterUnconfirmed(agent, work, answer, waitForStore ? then : null);
                    return;
                }
                if (answer != Booking.BOOKED) {
                    refused.increment();
                    if (work.equals(agent.booking)) {
                        agent.booking = null;
                    }
                }
                if (answer == Booking.STALE) {
                    // Nothing more of this node's may reach the PBX or the stores: the call and the agent are the holder's.
                    LOG.warn("agent {} could not be booked under epoch {}: another node holds the floor, leaving it", id, t.epoch());
                    acd.loseFloor();
                    return;
                }
                then.accept(answer);
            };
            if (owner.isOwner()) {
                back.run();
            } else {
                owner.execute(back);
            }
        });
    }

    /**
     * A booking the offer did not wait for (or that found the store unreachable: then {@code then} hears BOOKED, the offer
     * goes on): a stale epoch still makes this node leave; taken elsewhere can only be a node that took the floor while this
     * one could not reach the store, which is logged: that node's booking stands.
     */
    private void afterUnconfirmed(AgentSession agent, String work, Booking answer, Consumer<Booking> then) {
        if (answer == Booking.STALE) {
            refused.increment();
            LOG.warn("agent {} could not be booked under epoch {}: another node holds the floor, leaving it", agent.profile.id(),
                tenure == null ? "none" : tenure.epoch());
            acd.loseFloor();
            return;
        }
        if (answer == Booking.TAKEN) {
            refused.increment();
            LOG.warn("agent {} was offered {} unconfirmed while the store was unreachable, but is booked for other work",
                agent.profile.id(), work);
        }
        if (then != null) {
            unconfirmed.increment();
            then.accept(Booking.BOOKED);
        }
    }

    private CompletionStage<Booking> ask(String agentId, String work, FloorLease.Tenure t) {
        CompletionStage<Boolean> booked;
        try {
            booked = cluster.bookings().bookAsync(agentId, work, t.epoch());
        } catch (RuntimeException e) {
            booked = CompletableFuture.failedFuture(e);
        }
        return booked.handle((ok, e) -> {
            if (e != null) {
                LOG.warn("booking agent {} for {} failed: {}", agentId, work, e.toString());
                return null;
            }
            return ok;
        }).thenCompose(ok -> ok == null ? CompletableFuture.completedFuture(Booking.FAILED)
            : ok ? CompletableFuture.completedFuture(Booking.BOOKED)
            : CompletableFuture.supplyAsync(() -> refusal(agentId, work, t), acd.actions().worker()));
    }

    /** Why the store refused (blocking: it reads the lease). */
    private Booking refusal(String agentId, String work, FloorLease.Tenure t) {
        long epoch = t.epoch();
        try {
            // A refusal is either a newer floor or an agent booked elsewhere: the lease tells which. This node under a newer
            // epoch is the store lost and claimed again: the floor is about to be written back (holdOn), with this booking.
            Optional<FloorLease.Tenure> holder = cluster.lease().holder();
            if (holder.map(h -> h.epoch() == epoch).orElse(false)) {
                return Booking.TAKEN;
            }
            return holder.map(h -> h.nodeId().equals(t.nodeId())).orElse(false) ? Booking.FAILED : Booking.STALE;
        } catch (RuntimeException e) {
            LOG.warn("booking agent {} for {} failed: {}", agentId, work, e.toString());
            return Booking.FAILED;
        }
    }

    /**
     * After every agent state change: back to ready, not ready or logged out frees the agent's booking; work started
     * elsewhere than the router's offer (an agent's own dial, a transfer to them) books them without waiting.
     */
    void afterChange(AgentSession agent, AgentState state) {
        if (!cluster.shared()) {
            agent.booking = null;
        } else if (state == AgentState.READY || state == AgentState.NOT_READY || state == AgentState.LOGGED_OUT) {
            free(agent);
        } else if (state != AgentState.WRAP_UP && agent.booking == null && tenure != null) {
            claim(agent, agent.callId != null ? "call:" + agent.callId : "work:" + agent.reason);
            book(agent, answer -> {
                if (answer == Booking.TAKEN) {
                    LOG.warn("agent {} is {} here but booked for other work in the shared store", agent.profile.id(), state);
                }
            });
        }
    }

    private void free(AgentSession agent) {
        String work = agent.booking;
        if (work == null) {
            return;
        }
        agent.booking = null;
        String id = agent.profile.id();
        try {
            cluster.bookings().freeAsync(id, work).whenComplete((done, e) -> {
                if (e != null) {
                    LOG.warn("freeing agent {} from {} failed (the next takeover frees it): {}", id, work, e.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("freeing agent {} from {} failed (the next takeover frees it): {}", id, work, e.toString());
        }
    }

    /**
     * The new holder keeps only the bookings of the conversations it adopted (and its own: the store leaves bookings made
     * under this epoch alone, so this may run beside the first offers). Blocking: on the worker.
     */
    void retainOnly(Map<String, String> keep) {
        FloorLease.Tenure t = tenure;
        if (t == null) {
            return;
        }
        acd.actions().worker().execute(() -> {
            try {
                if (!cluster.bookings().retainOnly(keep, t.epoch())) {
                    LOG.warn("the last holder's bookings were not cleared: epoch {} is not the floor's any more", t.epoch());
                }
            } catch (RuntimeException e) {
                LOG.warn("clearing the bookings of the last holder failed: {}", e.toString());
            }
        });
    }
}
