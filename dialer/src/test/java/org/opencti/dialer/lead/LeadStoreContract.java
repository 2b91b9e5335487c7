package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.dialer.lead.Leads.lead;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.TimeWindow;

/** What every {@link LeadStore} does; run on PostgreSQL and in memory. */
public abstract class LeadStoreContract {
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);
    protected long campaign;
    protected long otherCampaign;

    protected abstract LeadStore store();

    protected abstract CampaignStore campaigns();

    /** Empties the stores (JUnit runs this class's set-up before a subclass's, so the subclass cannot do it there). */
    protected abstract void reset();

    @BeforeEach
    void twoCampaigns() {
        reset();
        campaign = campaigns().save(Campaigns.allDay("Leads")).id();
        otherCampaign = campaigns().save(Campaigns.allDay("Other")).id();
    }

    @Test
    void aLeadReadsBackWithEveryField() {
        var full = new NewLead(7, "+15551230001", "Ann", "Lee", ZoneId.of("America/Chicago"), 5,
            new TimeWindow(LocalTime.of(17, 0), LocalTime.of(19, 30)), "crm-42", null);
        long list = store().addList(campaign, "March", List.of(full), 0, T0).listId();

        Lead lead = store().claim(campaign, "node-a", 10, T0, LEASE).get(0);

        assertThat(lead).isEqualTo(new Lead(lead.id(), list, campaign, "+15551230001", "Ann", "Lee", ZoneId.of("America/Chicago"), 5,
            new TimeWindow(LocalTime.of(17, 0), LocalTime.of(19, 30)), "crm-42", null, LeadStatus.IN_PROGRESS, 0, null, "node-a",
            T0.plus(LEASE)));
        assertThat(store().find(lead.id())).contains(lead);
    }

    @Test
    void aNumberIsLoadedOncePerCampaignAcrossItsListsButMayBeInAnotherCampaign() {
        var first = store().addList(campaign, "one", List.of(lead("+15551230001", 0), lead("+15551230002", 0)), 0, T0);
        var second = store().addList(campaign, "two", List.of(lead("+15551230002", 0), lead("+15551230003", 0)), 0, T0);
        var elsewhere = store().addList(otherCampaign, "three", List.of(lead("+15551230002", 0)), 0, T0);

        assertThat(first.loaded()).containsExactlyInAnyOrder("+15551230001", "+15551230002");
        assertThat(second.loaded()).containsExactly("+15551230003");
        assertThat(elsewhere.loaded()).containsExactly("+15551230002");
        assertThat(store().existingNumbers(campaign, java.util.Set.of("+15551230002", "+15551239999")))
            .containsExactly("+15551230002");
        assertThat(store().listStatus(second.listId()).orElseThrow().total()).isEqualTo(1);
    }

    @Test
    void claimsTakeTheBestPriorityFirstAndNeverTheSameLeadTwiceWhileLeased() {
        store().addList(campaign, "l", List.of(lead("+15551230001", 1), lead("+15551230002", 9), lead("+15551230003", 5)), 0, T0);

        List<Lead> first = store().claim(campaign, "node-a", 2, T0, LEASE);
        List<Lead> second = store().claim(campaign, "node-b", 2, T0.plusSeconds(1), LEASE);

        assertThat(first).extracting(Lead::e164).containsExactly("+15551230002", "+15551230003");
        assertThat(second).extracting(Lead::e164).containsExactly("+15551230001");
        assertThat(store().claim(campaign, "node-c", 5, T0.plusSeconds(2), LEASE)).isEmpty();
        assertThat(store().claim(otherCampaign, "node-a", 5, T0, LEASE)).isEmpty();
    }

    @Test
    void aLeaseThatRunsOutLetsAnotherNodeTakeTheLeadAndTheLateNodeCannotFinishIt() {
        store().addList(campaign, "l", List.of(lead("+15551230001", 0)), 0, T0);
        Lead taken = store().claim(campaign, "node-a", 1, T0, LEASE).get(0);

        assertThat(store().claim(campaign, "node-b", 1, T0.plus(LEASE), LEASE)).isEmpty();
        Lead retaken = store().claim(campaign, "node-b", 1, T0.plus(LEASE).plusSeconds(1), LEASE).get(0);

        assertThat(retaken.id()).isEqualTo(taken.id());
        assertThat(retaken.claimedBy()).isEqualTo("node-b");
        assertThatThrownBy(() -> store().finish(taken.id(), "node-a", true, null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("node-a");
        store().finish(taken.id(), "node-b", true, null);
        assertThat(store().find(taken.id()).orElseThrow().status()).isEqualTo(LeadStatus.DONE);
    }

    @Test
    void aRetryIsClaimableOnlyFromItsTimeAndCountsTheAttempt() {
        store().addList(campaign, "l", List.of(lead("+15551230001", 0)), 0, T0);
        Lead lead = store().claim(campaign, "node-a", 1, T0, LEASE).get(0);
        Instant retryAt = T0.plus(Duration.ofHours(2));

        store().finish(lead.id(), "node-a", true, retryAt);

        Lead waiting = store().find(lead.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(LeadStatus.RETRY);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.claimedBy()).isNull();
        assertThat(store().claim(campaign, "node-a", 1, retryAt.minusSeconds(1), LEASE)).isEmpty();
        assertThat(store().claim(campaign, "node-a", 1, retryAt, LEASE)).extracting(Lead::id).containsExactly(lead.id());
    }

    @Test
    void aLeadPutBackWithoutAnAttemptStaysNew() {
        store().addList(campaign, "l", List.of(lead("+15551230001", 0)), 0, T0);
        Lead lead = store().claim(campaign, "node-a", 1, T0, LEASE).get(0);

        store().finish(lead.id(), "node-a", false, T0.plusSeconds(600));

        assertThat(store().find(lead.id()).orElseThrow()).extracting(Lead::status, Lead::attempts).containsExactly(LeadStatus.NEW, 0);
    }

    @Test
    void aListCountsItsLeadsAndIsFlaggedLowOnce() {
        long list = store().addList(campaign, "l", List.of(lead("+15551230001", 0), lead("+15551230002", 0),
            lead("+15551230003", 0)), 0, T0).listId();
        Lead lead = store().claim(campaign, "node-a", 1, T0, LEASE).get(0);
        store().finish(lead.id(), "node-a", true, null);
        store().claim(campaign, "node-a", 1, T0, LEASE);

        ListStatus status = store().listStatus(list).orElseThrow();
        assertThat(status).extracting(ListStatus::total, ListStatus::dialable, ListStatus::inProgress, ListStatus::done,
            ListStatus::low).containsExactly(3, 1, 1, 1, false);
        assertThat(store().markLow(list, T0)).isTrue();
        assertThat(store().markLow(list, T0.plusSeconds(60))).isFalse();
        assertThat(store().listsOf(campaign)).singleElement().extracting(ListStatus::lowSince).isEqualTo(T0);
        assertThat(store().listStatus(9999)).isEmpty();
    }

    @Test
    void attemptedLeadsCountsLeadsDialedAtLeastOnceNotThosePutBackUntried() {
        store().addList(campaign, "l", List.of(lead("+15551230001", 2), lead("+15551230002", 1), lead("+15551230003", 0)), 0, T0);
        store().addList(otherCampaign, "o", List.of(lead("+15551230001", 0)), 0, T0);
        List<Lead> claimed = store().claim(campaign, "node-a", 3, T0, LEASE);
        store().finish(claimed.get(0).id(), "node-a", true, null);
        store().finish(claimed.get(1).id(), "node-a", true, T0.plusSeconds(60));
        store().finish(claimed.get(2).id(), "node-a", false, T0.plusSeconds(60));
        store().claim(otherCampaign, "node-a", 1, T0, LEASE).forEach(l -> store().finish(l.id(), "node-a", true, null));

        assertThat(store().attemptedLeads(campaign)).isEqualTo(2);
        assertThat(store().attemptedLeads(otherCampaign)).isEqualTo(1);
    }
}
