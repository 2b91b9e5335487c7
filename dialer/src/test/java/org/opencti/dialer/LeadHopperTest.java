package org.opencti.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.compliance.InMemoryAttemptLog;
import org.opencti.dialer.compliance.InMemoryCustomerStandings;
import org.opencti.dialer.compliance.InMemoryDncLists;
import org.opencti.dialer.compliance.InMemoryRefusalLog;
import org.opencti.dialer.compliance.RefusalReason;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStatus;
import org.opencti.dialer.lead.ListLevels;
import org.opencti.dialer.lead.NewLead;

class LeadHopperTest {
    /** 12:00 in New York, 09:00 in Los Angeles, 01:00 (next day) in Tokyo. */
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-04T17:00:00Z"));
    private final InMemoryLeadStore leads = new InMemoryLeadStore();
    private final InMemoryDncLists dnc = new InMemoryDncLists();
    private final InMemoryRefusalLog refusals = new InMemoryRefusalLog();
    private final List<ListLevels.ListRunningLow> low = new ArrayList<>();
    private final Campaign campaign = Campaigns.allDay("Hopper").withId(1);
    private final LeadHopper hopper = new LeadHopper(leads, new DialPolicy(dnc, new InMemoryAttemptLog(), new InMemoryCustomerStandings(),
        refusals, time.clock()), new ListLevels(leads, low::add, time.clock()),
        new LeadHopper.Settings("node-a", Duration.ofMinutes(5), Duration.ofMinutes(30)), time.clock());

    @Test
    void handsOutOnlyClearedLeadsPutsTemporaryRefusalsBackAndClosesPermanentOnes() {
        leads.addList(1, "l", List.of(lead("+15551230001", "America/New_York"), lead("+15551230002", "Asia/Tokyo"),
            lead("+15551230003", "America/Chicago")), 0, time.now());
        dnc.addInternal("+15551230003", "request", "2001", time.now());

        List<Lead> cleared = hopper.next(campaign, 10, null);

        assertThat(cleared).extracting(Lead::e164).containsExactly("+15551230001");
        assertThat(cleared.get(0).claimedBy()).isEqualTo("node-a");
        assertThat(refusals.recent(1, 10)).extracting(r -> r.reason()).containsExactlyInAnyOrder(RefusalReason.OUTSIDE_CALLING_HOURS,
            RefusalReason.DNC_INTERNAL);
        Lead tokyo = leads.find(2).orElseThrow();
        assertThat(tokyo.status()).isEqualTo(LeadStatus.NEW);
        assertThat(tokyo.nextAttemptAt()).isEqualTo(time.now().plus(Duration.ofMinutes(30)));
        assertThat(tokyo.attempts()).as("no dial was made").isZero();
        assertThat(leads.find(3).orElseThrow().status()).isEqualTo(LeadStatus.DONE);
        assertThat(hopper.next(campaign, 10, null)).as("nothing handed out twice").isEmpty();
        assertThat(low).singleElement().satisfies(e -> assertThat(e.dialable()).isEqualTo(1));
    }

    private static NewLead lead(String e164, String zone) {
        return new NewLead(0, e164, "Ann", "Lee", ZoneId.of(zone), 0, null, null, null);
    }
}
