package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.Disposition;

class DispositionsTest {
    private static final Instant NOW = Instant.parse("2026-03-04T17:00:00Z");
    private final ManualScheduler time = new ManualScheduler(NOW);
    private InMemoryAttemptLog attempts;
    private InMemoryDncLists dnc;
    private Dispositions dispositions;
    private Campaign campaign;
    private long attempt;

    @BeforeEach
    void setUp() {
        attempts = new InMemoryAttemptLog();
        dnc = new InMemoryDncLists();
        dispositions = new Dispositions(attempts, dnc, time.clock());
        campaign = Campaigns.full("Sales").withId(1);
        attempt = attempts.started(DialAttempt.start(1, 7L, "+15551230001", null, "2001", NOW));
        attempts.ended(attempt, CallOutcome.LIVE_ANSWER);
    }

    @Test
    void aDncRequestPutsTheNumberOnTheInternalListAtOnceSoTheNextDialIsRefused() {
        Disposition recorded = dispositions.record(campaign, attempt, "dnc", null, "2001");

        assertThat(recorded.has(Disposition.Flag.DNC_REQUEST)).isTrue();
        assertThat(dnc.find(1, "+15551230001")).hasValueSatisfying(hit -> {
            assertThat(hit.list()).isEqualTo(DncList.INTERNAL);
            assertThat(hit.source()).isEqualTo("request");
        });
        var policy = new DialPolicy(dnc, attempts, new InMemoryCustomerStandings(), new InMemoryRefusalLog(), time.clock());
        var lead = DialPolicyTest.lead("+15551230001", ZoneId.of("Europe/London"), null);
        assertThat(policy.decide(new DialRequest(Campaigns.allDay("Another").withId(2), lead, "2001")).reason())
            .as("every campaign, even with an agent reserved").isEqualTo(RefusalReason.DNC_INTERNAL);
    }

    @Test
    void aSaleKeepsItsValueOrTheOneTheAgentGives() {
        dispositions.record(campaign, attempt, "sale", null, "2001");
        assertThat(attempts.find(attempt).orElseThrow().dispositionValue()).isEqualByComparingTo("120.50");

        dispositions.record(campaign, attempt, "sale", new BigDecimal("80.00"), "2001");
        assertThat(attempts.find(attempt).orElseThrow()).extracting(DialAttempt::disposition, DialAttempt::dispositionValue)
            .containsExactly("sale", new BigDecimal("80.00"));
        assertThat(dnc.find(1, "+15551230001")).isEmpty();
    }

    @Test
    void aCodeOutsideTheCampaignsSetOrAnAttemptOfAnotherCampaignIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> dispositions.record(campaign, attempt, "maybe", null, "2001"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"maybe\"").hasMessageContaining("[sale, dnc, callback]");
        long elsewhere = attempts.started(DialAttempt.start(2, null, "+15551230002", null, null, NOW));
        assertThatThrownBy(() -> dispositions.record(campaign, elsewhere, "dnc", null, "2001"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign 2");
        assertThat(dnc.find(1, "+15551230002")).isEmpty();
        assertThat(attempts.find(attempt).orElseThrow().disposition()).isNull();
    }
}
