package org.opencti.dialer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.compliance.DialDecision;
import org.opencti.dialer.compliance.RefusalReason;
import org.opencti.dialer.lead.ListStatus;
import org.opencti.dialer.pacing.AbandonRate;

/** A runner's counts for its {@link CampaignStats}. Touched only on the runner's thread. */
final class RunnerFigures {
    /** The campaign's lists as last read: leads in them, dialed at least once, still to dial. */
    record Lists(long total, long attempted, long left) {
        static Lists of(List<ListStatus> lists, int attempted) {
            long total = 0;
            long left = 0;
            for (ListStatus l : lists) {
                total += l.total();
                left += l.dialable() + l.inProgress();
            }
            return new Lists(total, attempted, left);
        }
    }

    private final Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);
    long dials;
    long connects;
    long abandons;
    long machines;
    long skips;
    private double talkSeconds;
    private double agentSeconds;
    private Lists lists = new Lists(0, 0, 0);

    void refused(List<DialDecision> decisions) {
        decisions.forEach(d -> refusals.merge(d.reason(), 1L, Long::sum));
    }

    void talked(Duration talk) {
        talkSeconds += talk.toNanos() / 1e9;
    }

    /** {@code loggedIn} agents were logged in over the last {@code elapsed}. */
    void agentTime(int loggedIn, Duration elapsed) {
        agentSeconds += loggedIn * (elapsed.toNanos() / 1e9);
    }

    void lists(Lists read) {
        lists = read;
    }

    CampaignStats stats(Campaign campaign, RunnerState state, Instant at, AbandonRate us, AbandonRate uk, int loggedIn, int free,
                        int lines) {
        double perAgentHour = agentSeconds == 0 ? 0 : talkSeconds / (agentSeconds / 3600);
        double penetration = lists.total() == 0 ? 0 : (double) lists.attempted() / lists.total();
        return new CampaignStats(campaign.id(), campaign.name(), state, at, dials, connects, abandons, machines, us.rate(), uk.rate(),
            perAgentHour, lists.total(), lists.attempted(), lists.left(), penetration, refusals, skips, loggedIn, free, lines);
    }
}
