package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void theStatusOfANumberSaysEveryListItIsOnAndWhoPutItThere() {
        assertThat(dnc().addInternal("+15551230001", "request", "3001", "asked on the phone", T0)).isTrue();
        assertThat(dnc().addInternal("+15551230001", "regulator", "4001", "later", T0.plusSeconds(9))).as("the first stays").isFalse();
        dnc().importNational("US-DNC", List.of("+15551230001", "+15551230002"), "4001", T0);
        dnc().importNational("US-STATE", List.of("+15551230001"), "4001", T0.plusSeconds(1));
        assertThat(dnc().addToCampaign(campaign.id(), "+15551230001", "3001", T0)).isTrue();
        assertThat(dnc().addToCampaign(campaign.id(), "+15551230001", "3001", T0)).isFalse();

        DncStatus status = dnc().status("+15551230001");

        assertThat(status.internal()).isEqualTo(new DncStatus.Internal("request", "asked on the phone", "3001", T0));
        assertThat(status.national()).containsExactly(new DncStatus.National("US-DNC", T0),
            new DncStatus.National("US-STATE", T0.plusSeconds(1)));
        assertThat(status.campaigns()).containsExactly(campaign.id());
        assertThat(status.blockedEverywhere()).isTrue();
        assertThat(status.history()).extracting(DncChange::action, DncChange::by)
            .containsExactly(tuple(DncChange.Action.ADDED, "3001"), tuple(DncChange.Action.CAMPAIGN_ADDED, "3001"));
        assertThat(status.history().get(0).reason()).isEqualTo("asked on the phone");
        assertThat(status.history().get(1).campaignId()).isEqualTo(campaign.id());
        DncStatus clean = dnc().status("+15551239999");
        assertThat(clean.blockedEverywhere()).isFalse();
        assertThat(clean.national()).isEmpty();
        assertThat(clean.history()).isEmpty();
    }

    @Test
    void aRemovalIsAuditedAndRefusedForTheRegulatorsAndErasuresEntries() {
        dnc().addInternal("+15551230001", "request", "3001", null, T0);
        dnc().addInternal("+15551230002", "regulator", "4001", "order 2026/17", T0);
        dnc().addInternal("+15551230003", "erasure", "4001", null, T0);

        assertThat(dnc().removeInternal("+15551230001", "4001", "added by mistake", T0.plusSeconds(60))).isTrue();
        assertThatThrownBy(() -> dnc().removeInternal("+15551230002", "4001", "why not", T0))
            .isInstanceOf(DncLists.ProtectedEntryException.class).hasMessageContaining("regulator");
        assertThatThrownBy(() -> dnc().removeInternal("+15551230003", "4001", "why not", T0))
            .isInstanceOf(DncLists.ProtectedEntryException.class).hasMessageContaining("erasure");
        assertThat(dnc().removeInternal("+15551239999", "4001", "not there", T0)).isFalse();

        assertThat(dnc().find(campaign.id(), "+15551230001")).isEmpty();
        assertThat(dnc().find(campaign.id(), "+15551230002")).isPresent();
        assertThat(dnc().find(campaign.id(), "+15551230003")).isPresent();
        assertThat(dnc().status("+15551230001").history()).extracting(DncChange::action, DncChange::by, DncChange::reason)
            .containsExactly(tuple(DncChange.Action.ADDED, "3001", null),
                tuple(DncChange.Action.REMOVED, "4001", "added by mistake"));
        assertThat(dnc().status("+15551230002").history()).hasSize(1);
        assertThatThrownBy(() -> dnc().removeInternal("+15551230001", " ", null, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacingOneRegisterKeepsTheNumbersAnotherStillLists() {
        dnc().importNational("US-DNC", List.of("+15551230001", "+15551230002"), "4001", T0);
        dnc().importNational("US-STATE", List.of("+15551230001"), "4001", T0);

        assertThat(dnc().importNational("US-STATE", List.of("+15551230005"), "4001", T0)).isEqualTo(1);

        assertThat(dnc().find(campaign.id(), "+15551230001")).contains(new DncLists.Hit(DncList.NATIONAL, "US-DNC"));
        assertThat(dnc().find(campaign.id(), "+15551230005")).contains(new DncLists.Hit(DncList.NATIONAL, "US-STATE"));
        assertThatThrownBy(() -> dnc().importNational("no/slashes", List.of("+15551230005"), "4001", T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry");
    }

    @Test
    void attemptsArePagedInStartOrderWithinTheRange() {
        Instant[] starts = {T0, T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3)};
        for (Instant at : starts) {
            attempts().started(DialAttempt.start(campaign.id(), null, "+15551230001", null, null, at));
        }
        attempts().started(DialAttempt.start(other.id(), null, "+15551230001", null, null, T0));
        attempts().started(DialAttempt.start(campaign.id(), null, "+15551230001", null, null, T0.minusSeconds(1)));
        Instant to = T0.plusSeconds(3);

        LogPage<DialAttempt> first = attempts().attempts(campaign.id(), T0, to, null, 2);
        LogPage<DialAttempt> second = attempts().attempts(campaign.id(), T0, to, first.next(), 2);

        assertThat(first.rows()).extracting(DialAttempt::startedAt).containsExactly(T0, T0);
        assertThat(first.rows().get(0).id()).isLessThan(first.rows().get(1).id());
        assertThat(second.rows()).extracting(DialAttempt::startedAt).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(second.next()).as("the range is exhausted").isNull();
        assertThat(attempts().attempts(campaign.id(), T0, to, LogPage.Cursor.parse(first.next().encode()), 10).rows()).hasSize(2);
        assertThatThrownBy(() -> attempts().attempts(campaign.id(), to, T0, null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attempts().attempts(campaign.id(), T0, to, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalsAreCountedByReasonAndPagedWithinTheRange() {
        for (int i = 0; i < 3; i++) {
            refusals().record(new DialRefusal(campaign.id(), null, "+1555123000" + i, RefusalReason.DNC_NATIONAL, "US-DNC",
                T0.plusSeconds(i)));
        }
        refusals().record(new DialRefusal(campaign.id(), null, "+15551230009", RefusalReason.OUTSIDE_CALLING_HOURS, "21:30 local",
            T0.plusSeconds(1)));
        refusals().record(new DialRefusal(campaign.id(), null, "+15551230009", RefusalReason.OPTED_OUT, "too late", T0.plusSeconds(60)));
        refusals().record(new DialRefusal(other.id(), null, "+15551230009", RefusalReason.DNC_NATIONAL, "other", T0));
        Instant to = T0.plusSeconds(60);

        assertThat(refusals().countByReason(campaign.id(), T0, to)).containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(RefusalReason.DNC_NATIONAL, 3L, RefusalReason.OUTSIDE_CALLING_HOURS, 1L));
        LogPage<RefusalLog.Recorded> first = refusals().refusals(campaign.id(), T0, to, RefusalReason.DNC_NATIONAL, null, 2);
        LogPage<RefusalLog.Recorded> rest = refusals().refusals(campaign.id(), T0, to, RefusalReason.DNC_NATIONAL, first.next(), 2);
        assertThat(first.rows()).extracting(r -> r.refusal().e164()).containsExactly("+15551230000", "+15551230001");
        assertThat(rest.rows()).extracting(r -> r.refusal().e164()).containsExactly("+15551230002");
        assertThat(rest.next()).isNull();
        assertThat(refusals().refusals(campaign.id(), T0, to, null, null, 10).rows()).extracting(r -> r.refusal().reason())
            .containsExactly(RefusalReason.DNC_NATIONAL, RefusalReason.DNC_NATIONAL, RefusalReason.OUTSIDE_CALLING_HOURS,
                RefusalReason.DNC_NATIONAL);
    }
}
