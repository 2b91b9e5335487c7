package org.opencti.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import org.opencti.acd.OutboundAgents;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.dialer.run.LineEvent;
import org.opencti.dialer.run.OutboundLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's lines over AMI, as shipped in {@code asterisk/extensions_cti.conf} and seen in capture 06: a lead is an
 * Originate of {@code Local/<E164>@cti-outbound/n} into {@code cti-campaign,s,1}; its {@code OriginateCompleted} says
 * answered (the customer's ;1 half) or why not (Reason 5 busy, 3 no answer, 8 congestion, 0 no such number); AMD's
 * {@code AMDSTATUS} on that channel is the verdict, its hangup the customer leaving. Live answers are handed to the
 * ACD's {@link OutboundAgents}, which bridges them with the agent; a drop goes to {@code cti-safe-harbour}, a machine
 * to {@code cti-machine}.
 *
 * <p>Threads: the dialer calls in on its runners' threads, the gateway reports on its own; nothing here blocks. The
 * events go to {@code events} (the runner's {@code onLineEvent}, which hops onto the runner). Each line's state is
 * changed under its own lock, so an event can never be reported twice or before the answer it follows.
 */
final class PbxOutboundLines implements OutboundLines, PbxEventListener {
    static final String DIAL_STRING = "Local/{number}@cti-outbound/n";
    static final String CAMPAIGN_CONTEXT = "cti-campaign";
    static final String SAFE_HARBOUR_CONTEXT = "cti-safe-harbour";
    static final String MACHINE_CONTEXT = "cti-machine";
    /** Set on the customer's channel so its events map to the line before the Originate's answer arrives. */
    static final String LINE_VARIABLE = "CTI_LINE";
    private static final Logger LOG = LoggerFactory.getLogger(PbxOutboundLines.class);

    private final PbxGateway pbx;
    private final OutboundAgents agents;
    private final String dialString;
    private final BiConsumer<Long, LineEvent> events;
    private final ConcurrentMap<String, Call> lines = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Call> channels = new ConcurrentHashMap<>();

    /** One line: the request, the customer's channel once known, and what has been reported. */
    private static final class Call {
        final DialRequest request;
        String uniqueId;
        String channel;
        boolean answered;
        boolean ended;
        String verdict;

        Call(DialRequest request) {
            this.request = request;
        }
    }

    /**
     * @param dialString how a number is dialed, {@code {number}} standing for the E.164 number
     * @param events     where each line's events go, with the line's campaign
     */
    PbxOutboundLines(PbxGateway pbx, OutboundAgents agents, String dialString, BiConsumer<Long, LineEvent> events) {
        if (dialString == null || !dialString.contains("{number}")) {
            throw new IllegalArgumentException("outbound dial string must contain {number}, not \"" + dialString + "\"");
        }
        this.pbx = pbx;
        this.agents = agents;
        this.dialString = dialString;
        this.events = events;
    }

    @Override
    public void dial(DialRequest request) {
        Call call = new Call(request);
        lines.put(request.line(), call);
        Map<String, String> variables = new HashMap<>();
        variables.put(LINE_VARIABLE, request.line());
        variables.put("CTI_CAMPAIGN", Long.toString(request.campaignId()));
        variables.put("CTI_LEAD", Long.toString(request.leadId()));
        variables.put("CTI_AMD", request.amd() ? "yes" : "no");
        variables.put("CTI_SAFE_HARBOUR", request.safeHarbour());
        OriginateRequest originate = new OriginateRequest(request.line(), dialString.replace("{number}", request.e164()),
            CAMPAIGN_CONTEXT, "s", 1, "<" + request.callerId() + ">", request.ringTimeout(), variables);
        try {
            pbx.originate(originate).whenComplete((result, failure) -> completed(call, result, failure));
        } catch (RuntimeException e) {
            completed(call, null, e);
        }
    }

    private void completed(Call call, PbxEvent.OriginateCompleted result, Throwable failure) {
        String line = call.request.line();
        if (failure != null || result == null) {
            LOG.warn("campaign line {} could not be placed: {}", line, failure == null ? "no answer from the PBX" : failure.toString());
            finish(call, new LineEvent.Failed(line, LineEvent.Failure.CONGESTION));
            return;
        }
        if (!result.success()) {
            finish(call, new LineEvent.Failed(line, failure(result.reason())));
            return;
        }
        String verdict;
        boolean gone;
        synchronized (call) {
            call.uniqueId = result.uniqueId();
            call.channel = result.channelName();
            call.answered = true;
            channels.put(result.uniqueId(), call);
            verdict = call.verdict;
            gone = call.ended;
        }
        emit(call, new LineEvent.Answered(line));
        if (verdict != null) {
            emit(call, verdict(line, verdict));
        }
        if (gone) {
            finish(call, new LineEvent.CustomerHungUp(line));
        }
    }

    /** Asterisk's Originate Reason: 5 busy, 3 no answer, 8 congestion, 0 no such number (or rejected), anything else congestion. */
    static LineEvent.Failure failure(int reason) {
        return switch (reason) {
            case 5 -> LineEvent.Failure.BUSY;
            case 3 -> LineEvent.Failure.NO_ANSWER;
            case 0 -> LineEvent.Failure.INVALID_NUMBER;
            default -> LineEvent.Failure.CONGESTION;
        };
    }

    private static LineEvent verdict(String line, String amdStatus) {
        return switch (amdStatus) {
            case "HUMAN" -> new LineEvent.HumanDetected(line);
            case "MACHINE" -> new LineEvent.MachineDetected(line);
            default -> new LineEvent.NotSure(line);
        };
    }

    @Override
    public void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.VariableSet set && LINE_VARIABLE.equals(set.name())) {
            Call call = lines.get(set.value());
            if (call != null) {
                synchronized (call) {
                    call.uniqueId = set.channel().uniqueId();
                    channels.put(call.uniqueId, call);
                }
            }
        } else if (event instanceof PbxEvent.VariableSet set && "AMDSTATUS".equals(set.name())) {
            Call call = channels.get(set.channel().uniqueId());
            if (call != null) {
                boolean now;
                synchronized (call) {
                    now = call.answered;
                    call.verdict = set.value();
                }
                if (now) {
                    emit(call, verdict(call.request.line(), set.value()));
                }
            }
        } else if (event instanceof PbxEvent.ChannelHungUp hung) {
            Call call = channels.remove(hung.channel().uniqueId());
            if (call != null) {
                boolean answered;
                synchronized (call) {
                    answered = call.answered;
                    call.ended = true;
                }
                // Before the answer this is the Local pair of a failed dial: the Originate's Reason reports it.
                if (answered) {
                    finish(call, new LineEvent.CustomerHungUp(call.request.line()));
                }
            }
        }
    }

    private void finish(Call call, LineEvent event) {
        lines.remove(call.request.line(), call);
        if (call.uniqueId != null) {
            channels.remove(call.uniqueId, call);
        }
        emit(call, event);
    }

    private void emit(Call call, LineEvent event) {
        events.accept(call.request.campaignId(), event);
    }

    /** The ACD's call id of an answered line (what the agent's other frames name it), else the line itself. */
    String callId(String line) {
        Call call = lines.get(line);
        return call == null || call.uniqueId == null ? line : OutboundAgents.callId(call.uniqueId);
    }

    @Override
    public void connect(String line, String agentId) {
        Call call = lines.get(line);
        if (call == null || call.channel == null) {
            return; // gone meanwhile: its hangup is on its way to the runner
        }
        agents.connect(call.request.campaignId(), agentId, call.uniqueId, call.channel, call.request.e164(),
            new OutboundAgents.CallListener() {
                @Override
                public void agentConnected() {
                    // the runner tells the agent's desktop of the call only now
                    emit(call, new LineEvent.AgentConnected(line));
                }

                @Override
                public void agentHungUp() {
                    emit(call, new LineEvent.AgentHungUp(line));
                }

                @Override
                public void notConnected(String why) {
                    // the runner plays the safe-harbour message and files the call as abandoned
                    emit(call, new LineEvent.NotConnected(line, why));
                }
            });
    }

    @Override
    public void safeHarbour(String line) {
        redirect(line, SAFE_HARBOUR_CONTEXT);
    }

    @Override
    public void leaveMessage(String line) {
        redirect(line, MACHINE_CONTEXT);
    }

    @Override
    public void hangup(String line) {
        Call call = lines.get(line);
        if (call != null && call.channel != null) {
            logFailure(pbx.hangup(call.channel), "hangup of " + line);
        }
    }

    private void redirect(String line, String context) {
        Call call = lines.get(line);
        if (call != null && call.channel != null) {
            logFailure(pbx.redirect(call.channel, context, "s", 1), "redirect of " + line + " to " + context);
        }
    }

    private static void logFailure(CompletionStage<Void> action, String what) {
        action.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.info("{} failed (the customer probably hung up): {}", what, failure.toString());
            }
        });
    }
}
