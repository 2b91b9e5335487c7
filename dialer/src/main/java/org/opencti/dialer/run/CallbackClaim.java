package org.opencti.dialer.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.compliance.DialDecision;
import org.opencti.dialer.compliance.DialRequest;
import org.opencti.dialer.lead.Lead;

/**
 * The blocking half of taking a due callback, on the runner's worker: claim it, read its lead, clear it through the
 * {@code DialPolicy} like any dial (a callback does not outrank a do-not-call request), and log the attempt when it is
 * dialed at once (the pool's). A refused callback is put back for the recheck time, or closed for good.
 */
final class CallbackClaim {
    /** The lead to call (null: lost to another node, lead gone, or refused), and the attempt when it is dialed now. */
    record Result(Lead lead, Callback callback, Long attemptId, List<DialDecision> refusals) {
        static Result none(List<DialDecision> refusals) {
            return new Result(null, null, null, refusals);
        }
    }

    private CallbackClaim() {
    }

    static Result run(RunnerPorts ports, Campaign campaign, RunnerSettings settings, Callback callback, String agent, Instant now) {
        String node = settings.nodeId();
        if (!ports.callbacks().claim(callback.id(), node, now, settings.lease())) {
            return Result.none(List.of());
        }
        Optional<Lead> lead = ports.leads().find(callback.leadId());
        if (lead.isEmpty()) {
            ports.callbacks().finish(callback.id(), node, false, null);
            return Result.none(List.of());
        }
        DialDecision decision = ports.policy().decide(new DialRequest(campaign, lead.get(), agent));
        if (!decision.allowed()) {
            ports.callbacks().finish(callback.id(), node, false, decision.reason().temporary() ? now.plus(settings.recheck()) : null);
            return Result.none(List.of(decision));
        }
        Long attempt = null;
        if (callback.forPool()) {
            Lead l = lead.get();
            attempt = ports.attempts().started(DialAttempt.start(campaign.id(), l.id(), l.e164(), l.customerId(), agent, now));
        }
        return new Result(lead.get(), callback, attempt, List.of());
    }
}
