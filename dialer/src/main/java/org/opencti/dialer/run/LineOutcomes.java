package org.opencti.dialer.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.compliance.Dispositions;
import org.opencti.dialer.lead.Lead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runner does with each line event, and with the agent's disposition after the call: the gate, the abandon
 * counts (US and UK), the pacing's learning, the attempt log and the lead's retry or close. On the runner's thread.
 */
final class LineOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(LineOutcomes.class);
    private final CampaignRunner r;

    LineOutcomes(CampaignRunner runner) {
        this.r = runner;
    }

    void handle(Line line, LineEvent event) {
        r.owner.assertOwner();
        if (event instanceof LineEvent.Answered) {
            if (line.stage == Line.Stage.RINGING) {
                if (r.campaign.amd()) {
                    line.stage = Line.Stage.DETECTING;
                } else {
                    liveAnswer(line, org.opencti.dialer.pacing.CallOutcome.LIVE_ANSWER);
                }
            }
        } else if (event instanceof LineEvent.HumanDetected) {
            if (line.beforeAnswer()) {
                liveAnswer(line, org.opencti.dialer.pacing.CallOutcome.AMD_HUMAN);
            }
        } else if (event instanceof LineEvent.NotSure) {
            if (line.beforeAnswer()) {
                liveAnswer(line, org.opencti.dialer.pacing.CallOutcome.AMD_NOT_SURE);
            }
        } else if (event instanceof LineEvent.MachineDetected) {
            if (line.beforeAnswer()) {
                machine(line);
            }
        } else if (event instanceof LineEvent.Failed failed) {
            if (line.beforeAnswer()) {
                failed(line, failed.failure());
            }
        } else if (event instanceof LineEvent.AgentConnected) {
            if (line.stage == Line.Stage.CONNECTED && !line.agentTold) {
                line.agentTold = true;
                r.ports.agents().notify(line.agent, new AgentNotice.Connected(r.campaign.id(), line.id, line.attemptId, line.lead,
                    line.lead.customerId(), r.campaign.script()));
            }
        } else if (event instanceof LineEvent.NotConnected notConnected) {
            if (line.stage == Line.Stage.CONNECTED) {
                notConnected(line, notConnected.why());
            }
        } else {
            hungUp(line);
        }
    }

    private Duration sinceDial(Line line) {
        return Duration.between(line.dialedAt, r.clock.instant());
    }

    private void liveAnswer(Line line, org.opencti.dialer.pacing.CallOutcome outcome) {
        r.pacing.dialEnded(outcome, sinceDial(line));
        if (line.reservedAgent != null) {
            connect(line, line.reservedAgent); // the agent has been waiting on this line since the dial: nothing to abandon
        } else {
            line.stage = Line.Stage.WAITING;
            r.gate.liveAnswer(line.id);
        }
    }

    /**
     * A live answer meets its agent: counted as connected at once; the agent is told ({@link AgentNotice.Connected}) only
     * when the lines report them on it ({@link LineEvent.AgentConnected}), never for a connect that fails.
     */
    void connect(Line line, String agent) {
        Instant now = r.clock.instant();
        line.stage = Line.Stage.CONNECTED;
        line.agent = agent;
        line.connectedAt = now;
        Hold h = r.holds.computeIfAbsent(agent, a -> new Hold(now));
        h.become(Hold.Kind.TALKING, now);
        h.line = line.id;
        h.lead = line.lead;
        h.callback = line.callback;
        h.attemptId = line.attemptId;
        r.ports.lines().connect(line.id, agent);
        r.us.connected();
        r.uk.connected();
        r.pacing.connected();
        r.figures.connects++;
        record(line, CallOutcome.LIVE_ANSWER);
    }

    /** No agent within the deadline: the safe-harbour message, and an abandoned call (the gate counted its own rule). */
    void drop(Line line) {
        LOG.info("campaign {}: no agent within 2 s for line {} (lead {}): safe-harbour message", r.campaign.id(), line.id,
            line.lead.id());
        r.ports.lines().safeHarbour(line.id);
        r.other.abandoned();
        r.pacing.abandoned();
        r.figures.abandons++;
        record(line, CallOutcome.ABANDONED);
        end(line);
    }

    /**
     * The agent the line was given never reached it: the person hears the safe-harbour message and the call, counted as
     * connected a moment ago, is an abandoned one. The drop counts in both windows at once; the connect already in them
     * goes at the next rebuild, which reads the attempt as abandoned (the ledger keeps it under its new outcome until
     * then), so the rate is never understated by more than that one connect for up to a rebuild's interval.
     */
    private void notConnected(Line line, String why) {
        LOG.warn("campaign {}: line {} (lead {}) lost its agent {} ({}): safe-harbour message", r.campaign.id(), line.id,
            line.lead.id(), line.agent, why);
        r.ports.lines().safeHarbour(line.id);
        r.us.abandoned();
        r.uk.abandoned();
        r.pacing.abandoned();
        r.figures.connects--;
        r.figures.abandons++;
        long attempt = line.attemptId;
        r.abandons.counted(attempt, CallOutcome.ABANDONED, r.clock.instant());
        RunnerPorts ports = r.ports;
        // the lead was finished by the live answer's rule; only the attempt's outcome changes
        r.io("record attempt " + attempt + " as abandoned", () -> {
            ports.attempts().ended(attempt, CallOutcome.ABANDONED);
            return null;
        }, done -> { }, e -> { });
        r.removeLine(line);
        Hold h = r.holds.get(line.agent);
        if (h != null && line.id.equals(h.line)) {
            r.release(line.agent);
        }
    }

    private void machine(Line line) {
        r.pacing.dialEnded(org.opencti.dialer.pacing.CallOutcome.AMD_MACHINE, sinceDial(line));
        r.us.amdMachine();
        r.uk.amdMachine();
        r.figures.machines++;
        if (r.settings.leaveMessageOnMachine()) {
            r.ports.lines().leaveMessage(line.id);
        } else {
            r.ports.lines().hangup(line.id);
        }
        record(line, CallOutcome.MACHINE);
        end(line);
    }

    private void failed(Line line, LineEvent.Failure failure) {
        Duration rang = sinceDial(line);
        CallOutcome outcome = switch (failure) {
            case BUSY -> CallOutcome.BUSY;
            case CONGESTION -> CallOutcome.CONGESTION;
            case INVALID_NUMBER -> CallOutcome.INVALID_NUMBER;
            case NO_ANSWER -> {
                if (rang.compareTo(org.opencti.dialer.pacing.CallOutcome.MINIMUM_RING) >= 0) {
                    yield CallOutcome.NO_ANSWER;
                }
                // our ring timeout is at least 15 s, so the network ended it: that says nothing about the number, and
                // filing it as a no-answer would show a ring the rules do not accept
                LOG.warn("campaign {}: line {} (lead {}) ended unanswered after only {} ms: filed as congestion", r.campaign.id(),
                    line.id, line.lead.id(), rang.toMillis());
                yield CallOutcome.CONGESTION;
            }
        };
        r.pacing.dialEnded(switch (outcome) {
            case BUSY -> org.opencti.dialer.pacing.CallOutcome.BUSY;
            case NO_ANSWER -> org.opencti.dialer.pacing.CallOutcome.NO_ANSWER;
            case INVALID_NUMBER -> org.opencti.dialer.pacing.CallOutcome.INVALID_NUMBER;
            default -> org.opencti.dialer.pacing.CallOutcome.CONGESTION;
        }, rang);
        record(line, outcome);
        end(line);
    }

    private void hungUp(Line line) {
        switch (line.stage) {
            case RINGING -> failed(line, LineEvent.Failure.NO_ANSWER);
            case DETECTING -> {
                // picked up and gone before the detector decided: counted as a person we did not reach, the safe side
                r.pacing.dialEnded(org.opencti.dialer.pacing.CallOutcome.AMD_NOT_SURE, sinceDial(line));
                r.us.abandoned();
                r.uk.abandoned();
                r.figures.abandons++;
                record(line, CallOutcome.ABANDONED);
                end(line);
            }
            case WAITING -> {
                r.gate.callerHungUp(line.id);
                r.other.abandoned();
                r.pacing.abandoned();
                r.figures.abandons++;
                record(line, CallOutcome.ABANDONED);
                end(line);
            }
            default -> talkEnded(line);
        }
    }

    private void talkEnded(Line line) {
        Instant now = r.clock.instant();
        Duration talk = Duration.between(line.connectedAt, now);
        r.pacing.talkEnded(talk);
        r.figures.talked(talk);
        r.removeLine(line);
        Hold h = r.holds.get(line.agent);
        if (h == null || !line.id.equals(h.line)) {
            return;
        }
        if (h.disposed || !line.agentTold) {
            // disposed already, or gone before the agent was on it: there is no form to wait for
            r.release(line.agent);
            return;
        }
        h.become(Hold.Kind.WRAPPING, now);
        String agent = line.agent;
        long attempt = line.attemptId;
        h.timer = r.scheduler.schedule(r.settings.wrapUpLimit(), () -> wrapExpired(agent, attempt));
    }

    private void wrapExpired(String agent, long attemptId) {
        r.owner.assertOwner();
        Hold h = r.holds.get(agent);
        if (h == null || h.kind != Hold.Kind.WRAPPING || h.attemptId != attemptId || h.disposing) {
            return;
        }
        LOG.warn("campaign {}: agent {} gave no disposition for attempt {} within {}: released without one", r.campaign.id(), agent,
            attemptId, r.settings.wrapUpLimit());
        r.pacing.wrapUpEnded(r.settings.wrapUpLimit());
        r.release(agent);
        r.pace();
    }

    /** The line is over for the runner: an agent held for it and not connected goes back. */
    private void end(Line line) {
        r.removeLine(line);
        if (line.reservedAgent != null) {
            Hold h = r.holds.get(line.reservedAgent);
            if (h != null && h.kind == Hold.Kind.RINGING && line.id.equals(h.line)) {
                r.release(line.reservedAgent);
            }
        }
    }

    /** The attempt's outcome to the log, and its lead (or callback) finished: retried by the campaign's rule, or done. */
    private void record(Line line, CallOutcome outcome) {
        Instant now = r.clock.instant();
        r.abandons.counted(line.attemptId, outcome, now); // the abandon windows counted it just before: see AbandonLedger
        Campaign campaign = r.campaign;
        String node = r.settings.nodeId();
        RunnerPorts ports = r.ports;
        r.io("record attempt " + line.attemptId + " as " + outcome.word(), () -> {
            ports.attempts().ended(line.attemptId, outcome);
            if (line.callback != null) {
                Instant next = outcome == CallOutcome.LIVE_ANSWER ? null
                    : campaign.nextAttempt(outcome, line.callback.attempts() + 1, now).orElse(null);
                ports.callbacks().finish(line.callback.id(), node, true, next);
            } else {
                ports.leads().finish(line.lead.id(), node, true, campaign.nextAttempt(outcome, line.lead.attempts() + 1, now).orElse(null));
            }
            return null;
        }, done -> { }, e -> { });
    }

    void dispose(String agentId, long attemptId, String code, BigDecimal value, CallbackRequest callback, Dispositions dispositions,
                 CompletableFuture<Disposition> done) {
        r.owner.assertOwner();
        Campaign campaign = r.campaign;
        Hold h = r.holds.get(agentId);
        if (h == null || (h.kind != Hold.Kind.TALKING && h.kind != Hold.Kind.WRAPPING) || h.attemptId != attemptId) {
            throw new IllegalArgumentException("agent " + agentId + " has no call of attempt " + attemptId + " in campaign "
                + campaign.name() + " to dispose");
        }
        if (h.disposing || h.disposed) {
            throw new IllegalStateException("attempt " + attemptId + " of agent " + agentId + " is already disposed");
        }
        Disposition disposition = campaign.disposition(code).orElseThrow(() -> new IllegalArgumentException("disposition \"" + code
            + "\" is not in campaign " + campaign.name() + "'s set " + campaign.dispositions().stream().map(Disposition::code).toList()));
        boolean wantsCallback = disposition.has(Disposition.Flag.CALLBACK);
        if (wantsCallback != (callback != null)) {
            throw new IllegalArgumentException(wantsCallback ? "disposition " + code + " agrees a callback: give its time"
                : "disposition " + code + " is not a callback: a callback time does not go with it");
        }
        Instant now = r.clock.instant();
        if (callback != null && callback.dueAt().isBefore(now)) {
            throw new IllegalArgumentException("callback time " + callback.dueAt() + " is before now (" + now + ")");
        }
        h.disposing = true;
        Lead lead = h.lead;
        r.io("dispose attempt " + attemptId, () -> {
            Disposition recorded = dispositions.record(campaign, attemptId, code, value, agentId);
            if (callback != null) {
                r.ports.callbacks().schedule(Callback.schedule(campaign.id(), lead.id(), callback.toSameAgent() ? agentId : null,
                    callback.dueAt(), attemptId, agentId, now));
            }
            return recorded;
        }, recorded -> {
            disposed(agentId, attemptId);
            done.complete(recorded);
        }, e -> {
            Hold again = r.holds.get(agentId);
            if (again != null) {
                again.disposing = false;
            }
            done.completeExceptionally(e);
        });
    }

    private void disposed(String agentId, long attemptId) {
        Hold h = r.holds.get(agentId);
        if (h == null || h.attemptId != attemptId) {
            return;
        }
        h.disposing = false;
        if (h.kind == Hold.Kind.WRAPPING) {
            r.pacing.wrapUpEnded(Duration.between(h.since, r.clock.instant()));
            r.release(agentId);
            r.pace();
        } else {
            h.disposed = true;
        }
    }
}
