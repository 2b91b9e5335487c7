package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.Campaigns;

/** What the do-not-call lists, the attempt log and the refusal log do; run on PostgreSQL and in memory. */
public abstract class ComplianceStoresContract {
    static final Instant T0 = Instant.parse("2026-03-04T17:00:00Z");
    protected Campaign campaign;
    protected Campaign other;

    protected abstract void reset();

    protected abstract CampaignStore campaigns();

    protected abstract DncLists dnc();

    protected abstract AttemptLog attempts();

    protected abstract RefusalLog refusals();

    /** A stored customer's id (attempts refer to customers). */
    protected abstract long aCustomer();

    @BeforeEach
    void twoCampaigns() {
        reset();
        campaign = campaigns().save(Campaigns.allDay("Compliance"));
        other = campaigns().save(Campaigns.allDay("Other"));
    }

    @Test
    void dncListsAreFoundInOrderAndPerCampaign() {
        dnc().importNational("US-DNC", List.of("+15551230001", "+15551230002", "+15551230002"), T0);
        dnc().addToCampaign(campaign.id(), "+15551230002", T0);
        dnc().addToCampaign(campaign.id(), "+15551230002", T0);
        dnc().addInternal("+15551230003", "request", "2001", T0);
        dnc().addInternal("+15551230003", "regulator", "admin", T0.plusSeconds(5));

        assertThat(dnc().find(campaign.id(), "+15551230001")).contains(new DncLists.Hit(DncList.NATIONAL, "US-DNC"));
        assertThat(dnc().find(campaign.id(), "+15551230002").orElseThrow().list()).isEqualTo(DncList.CAMPAIGN);
        assertThat(dnc().find(other.id(), "+15551230002").orElseThrow().list()).isEqualTo(DncList.NATIONAL);
        assertThat(dnc().find(campaign.id(), "+15551230003")).contains(new DncLists.Hit(DncList.INTERNAL, "request"));
        assertThat(dnc().find(campaign.id(), "+15551239999")).isEmpty();
    }

    @Test
    void aNationalImportReplacesTheRegistersNumbersAndRefusesABadNumberWhole() {
        assertThat(dnc().importNational("US-DNC", List.of("+15551230001", "+15551230002"), T0)).isEqualTo(2);
        assertThat(dnc().importNational("US-DNC", List.of("+15551230003"), T0)).isEqualTo(1);
        assertThat(dnc().find(campaign.id(), "+15551230001")).isEmpty();

        assertThatThrownBy(() -> dnc().importNational("US-DNC", List.of("+15551230004", "5551230005"), T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5551230005");
        assertThat(dnc().find(campaign.id(), "+15551230003")).isPresent();
        assertThatThrownBy(() -> dnc().addInternal("0800", "request", null, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dnc().addInternal("+15551230009", "whim", null, T0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("source");
        assertThat(dnc().find(campaign.id(), "+15551230009")).isEmpty();
    }

    @Test
    void attemptsCountPerNumberAndCustomerAfterTheInstantAndRememberDrops() {
        long customer = aCustomer();
        long a = attempts().started(DialAttempt.start(campaign.id(), null, "+15551230001", null, null, T0.minusSeconds(100)));
        long b = attempts().started(DialAttempt.start(campaign.id(), null, "+15551230001", customer, "2001", T0.minusSeconds(50)));
        attempts().started(DialAttempt.start(other.id(), null, "+15551230002", customer, null, T0.minusSeconds(10)));
        attempts().ended(a, CallOutcome.ABANDONED);
        attempts().ended(b, CallOutcome.LIVE_ANSWER);

        assertThat(attempts().attemptsToNumber("+15551230001", T0.minusSeconds(101))).isEqualTo(2);
        assertThat(attempts().attemptsToNumber("+15551230001", T0.minusSeconds(100))).as("since is exclusive").isEqualTo(1);
        assertThat(attempts().attemptsToCustomer(customer, T0.minusSeconds(60))).isEqualTo(2);
        assertThat(attempts().lastAbandoned("+15551230001", T0.minusSeconds(200))).contains(T0.minusSeconds(100));
        assertThat(attempts().lastAbandoned("+15551230001", T0.minusSeconds(100))).isEmpty();
    }

    @Test
    void anAttemptKeepsItsOutcomeAndDisposition() {
        long id = attempts().started(DialAttempt.start(campaign.id(), null, "+15551230001", null, null, T0));
        attempts().ended(id, CallOutcome.LIVE_ANSWER);
        attempts().disposed(id, "sale", new BigDecimal("49.90"), "2002");

        assertThat(attempts().find(id)).contains(new DialAttempt(id, campaign.id(), null, "+15551230001", null, "2002", T0,
            CallOutcome.LIVE_ANSWER, "sale", new BigDecimal("49.90")));
        assertThatThrownBy(() -> attempts().ended(9999, CallOutcome.BUSY)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("9999");
    }

    @Test
    void refusalsReadBackNewestFirstPerCampaign() {
        refusals().record(new DialRefusal(campaign.id(), null, "+15551230001", RefusalReason.DNC_NATIONAL, "on it", T0));
        refusals().record(new DialRefusal(campaign.id(), null, "+15551230002", RefusalReason.CONTACT_CAP_NUMBER, "3 dials",
            T0.plus(Duration.ofMinutes(1))));
        refusals().record(new DialRefusal(other.id(), null, "+15551230003", RefusalReason.OPTED_OUT, "no", T0));

        assertThat(refusals().recent(campaign.id(), 10)).extracting(DialRefusal::reason)
            .containsExactly(RefusalReason.CONTACT_CAP_NUMBER, RefusalReason.DNC_NATIONAL);
        assertThat(refusals().recent(campaign.id(), 1)).hasSize(1);
    }
}
