package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.Leads;

/** What every {@link CallbackStore} does; run on PostgreSQL and in memory. */
public abstract class CallbackStoreContract {
    static final Instant T0 = Instant.parse("2026-03-04T17:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(10);
    private long campaign;
    private long other;
    private long lead;
    private long otherLead;

    protected abstract CallbackStore store();

    protected abstract CampaignStore campaigns();

    protected abstract LeadStore leads();

    protected abstract void reset();

    @BeforeEach
    void aCampaignWithALead() {
        reset();
        campaign = campaigns().save(Campaigns.allDay("Callbacks")).id();
        other = campaigns().save(Campaigns.allDay("Other")).id();
        leads().addList(campaign, "l", List.of(Leads.lead("+15551230001", 0)), 0, T0);
        leads().addList(other, "o", List.of(Leads.lead("+15551230002", 0)), 0, T0);
        lead = leads().claim(campaign, "n", 1, T0, LEASE).get(0).id();
        otherLead = leads().claim(other, "n", 1, T0, LEASE).get(0).id();
    }

    @Test
    void aCallbackReadsBackAndIsDueOnlyFromItsTimeEarliestFirst() {
        long late = store().schedule(Callback.schedule(campaign, lead, "a1", T0.plusSeconds(600), null, "a1", T0));
        long early = store().schedule(Callback.schedule(campaign, lead, null, T0.plusSeconds(300), null, "a2", T0));
        store().schedule(Callback.schedule(other, otherLead, null, T0, null, "a2", T0));

        assertThat(store().find(late)).hasValueSatisfying(c -> {
            assertThat(c.campaignId()).isEqualTo(campaign);
            assertThat(c.leadId()).isEqualTo(lead);
            assertThat(c.agentId()).isEqualTo("a1");
            assertThat(c.dueAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(c.status()).isEqualTo(Callback.Status.PENDING);
            assertThat(c.attempts()).isZero();
            assertThat(c.createdBy()).isEqualTo("a1");
            assertThat(c.createdAt()).isEqualTo(T0);
            assertThat(c.forPool()).isFalse();
        });
        assertThat(store().due(campaign, T0.plusSeconds(299), 10)).isEmpty();
        assertThat(store().due(campaign, T0.plusSeconds(300), 10)).extracting(Callback::id).containsExactly(early);
        assertThat(store().due(campaign, T0.plusSeconds(900), 10)).extracting(Callback::id).containsExactly(early, late);
        assertThat(store().due(campaign, T0.plusSeconds(900), 1)).extracting(Callback::id).containsExactly(early);
        assertThat(store().pending(campaign)).extracting(Callback::id).containsExactly(early, late);
        assertThat(store().find(9999)).isEmpty();
    }

    @Test
    void aCallbackIsClaimedByOneNodeAtATimeUntilItsLeaseRunsOutAndALateNodeCannotFinishIt() {
        long id = store().schedule(Callback.schedule(campaign, lead, null, T0, null, "a1", T0));

        assertThat(store().claim(id, "node-a", T0, LEASE)).isTrue();
        assertThat(store().claim(id, "node-b", T0.plusSeconds(1), LEASE)).isFalse();
        assertThat(store().due(campaign, T0.plusSeconds(1), 10)).isEmpty();
        assertThat(store().claim(id, "node-b", T0.plus(LEASE).plusSeconds(1), LEASE)).as("lease ran out").isTrue();
        assertThat(store().find(id).orElseThrow().claimedBy()).isEqualTo("node-b");
        assertThatThrownBy(() -> store().finish(id, "node-a", true, null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not claimed by node-a");
    }

    @Test
    void finishingMovesItToItsNextTimeCountingTheAttemptOrClosesIt() {
        long id = store().schedule(Callback.schedule(campaign, lead, "a1", T0, null, "a1", T0));
        store().claim(id, "node-a", T0, LEASE);

        store().finish(id, "node-a", true, T0.plusSeconds(7200));
        assertThat(store().find(id).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Callback.Status.PENDING);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.dueAt()).isEqualTo(T0.plusSeconds(7200));
            assertThat(c.claimedBy()).isNull();
        });
        assertThat(store().claim(id, "node-a", T0.plusSeconds(7199), LEASE)).isFalse();
        assertThat(store().claim(id, "node-a", T0.plusSeconds(7200), LEASE)).isTrue();
        store().finish(id, "node-a", false, null);

        assertThat(store().find(id).orElseThrow()).extracting(Callback::status, Callback::attempts)
            .containsExactly(Callback.Status.DONE, 1);
        assertThat(store().pending(campaign)).isEmpty();
        assertThat(store().claim(id, "node-a", T0.plusSeconds(9999), LEASE)).isFalse();
    }

    @Test
    void aStoredCallbackMustBeNew() {
        Callback claimed = new Callback(5, campaign, lead, null, T0, Callback.Status.IN_PROGRESS, 0, null, "a1", T0, "n", T0);
        assertThatThrownBy(() -> store().schedule(claimed)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a new callback has id 0 and is pending");
    }
}
