package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencti.core.time.ManualScheduler;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignSchedule;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.ContactCap;
import org.opencti.dialer.campaign.Eligibility;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStatus;

class DialPolicyTest {
    /** A Wednesday: 12:00 in New York (EST), 09:00 in Los Angeles, 17:00 in London. */
    static final Instant WEDNESDAY_NOON_NY = Instant.parse("2026-03-04T17:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String NUMBER = "+15551230001";

    private ManualScheduler time;
    private InMemoryDncLists dnc;
    private InMemoryAttemptLog attempts;
    private InMemoryCustomerStandings standings;
    private InMemoryRefusalLog refusals;
    private DialPolicy policy;
    private Campaign campaign;

    @BeforeEach
    void setUp() {
        time = new ManualScheduler(WEDNESDAY_NOON_NY);
        dnc = new InMemoryDncLists();
        attempts = new InMemoryAttemptLog();
        standings = new InMemoryCustomerStandings();
        refusals = new InMemoryRefusalLog();
        policy = new DialPolicy(dnc, attempts, standings, refusals, time.clock());
        campaign = Campaigns.allDay("Policy").withId(1);
    }

    private void at(String instant) {
        time.advance(Duration.between(time.now(), Instant.parse(instant)));
    }

    static Lead lead(String e164, ZoneId zone, Long customerId) {
        return new Lead(11, 1, 1, e164, "Ann", "Lee", zone, 0, null, null, customerId, LeadStatus.IN_PROGRESS, 0, null, "n",
            WEDNESDAY_NOON_NY.plusSeconds(3600));
    }

    private DialDecision decide(Lead lead) {
        return policy.decide(new DialRequest(campaign, lead, null));
    }

    private DialDecision decide(Lead lead, String reservedAgent) {
        return policy.decide(new DialRequest(campaign, lead, reservedAgent));
    }

    private void dialed(String e164, Long customerId, Instant at, CallOutcome outcome) {
        long id = attempts.started(DialAttempt.start(1, null, e164, customerId, null, at));
        attempts.ended(id, outcome);
    }

    @Test
    void aCleanLeadIsAllowedAndNothingIsRecorded() {
        assertThat(decide(lead(NUMBER, NEW_YORK, null))).isEqualTo(DialDecision.ALLOW);
        assertThat(refusals.recent(1, 10)).isEmpty();
    }

    @Test
    void everyRefusalIsRecordedWithItsReasonDetailLeadAndTheClocksTime() {
        dnc.addInternal(NUMBER, "request", "2001", WEDNESDAY_NOON_NY);

        DialDecision decision = decide(lead(NUMBER, NEW_YORK, null));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(RefusalReason.DNC_INTERNAL);
        assertThat(refusals.recent(1, 10)).containsExactly(new DialRefusal(1, 11L, NUMBER, RefusalReason.DNC_INTERNAL,
            decision.detail(), WEDNESDAY_NOON_NY));
        assertThat(decision.detail()).contains(NUMBER).contains("internal").contains("request");
    }

    @Nested
    class DoNotCall {
        @Test
        void eachListRefusesWithItsOwnReason() {
            dnc.addToCampaign(1, "+15551230002", WEDNESDAY_NOON_NY);
            dnc.importNational("US-DNC", List.of("+15551230003"), WEDNESDAY_NOON_NY);

            assertThat(decide(lead("+15551230002", NEW_YORK, null)).reason()).isEqualTo(RefusalReason.DNC_CAMPAIGN);
            assertThat(decide(lead("+15551230003", NEW_YORK, null)).reason()).isEqualTo(RefusalReason.DNC_NATIONAL);
        }

        @Test
        void anotherCampaignsListDoesNotApply() {
            dnc.addToCampaign(2, NUMBER, WEDNESDAY_NOON_NY);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
        }

        @Test
        void theInternalListIsNamedFirstWhenANumberIsOnSeveral() {
            dnc.importNational("US-DNC", List.of(NUMBER), WEDNESDAY_NOON_NY);
            dnc.addToCampaign(1, NUMBER, WEDNESDAY_NOON_NY);
            dnc.addInternal(NUMBER, "regulator", "admin", WEDNESDAY_NOON_NY);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).reason()).isEqualTo(RefusalReason.DNC_INTERNAL);
        }

        @Test
        void reimportingTheNationalRegisterReplacesIt() {
            dnc.importNational("US-DNC", List.of(NUMBER), WEDNESDAY_NOON_NY);
            dnc.importNational("US-DNC", List.of("+15551230009"), WEDNESDAY_NOON_NY);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
        }
    }

    @Nested
    class CustomerRules {
        @Test
        void anOptOutOfVoiceAlwaysRefusesAndAnOptInAllows() {
            standings.put(5, new CustomerStanding(false, false, null)).put(6, new CustomerStanding(true, false, null));

            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).reason()).isEqualTo(RefusalReason.OPTED_OUT);
            assertThat(decide(lead("+15551230002", NEW_YORK, 6L)).allowed()).isTrue();
        }

        @Test
        void missingConsentRefusesOnlyWhenTheCampaignRequiresIt() {
            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).allowed()).isTrue();

            campaign = with(new Eligibility(0, true, true));

            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).reason()).isEqualTo(RefusalReason.NO_VOICE_CONSENT);
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).as("not a customer: nothing to consent to here").isTrue();
        }

        @Test
        void anOpenComplaintRefusesUnlessTheCampaignSaysOtherwise() {
            standings.put(5, new CustomerStanding(true, true, null));

            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).reason()).isEqualTo(RefusalReason.OPEN_COMPLAINT);
            campaign = with(new Eligibility(0, false, false));
            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).allowed()).isTrue();
        }

        @Test
        void aRecentOrderRefusesWithinTheCampaignsDaysAndNotAfter() {
            campaign = with(new Eligibility(30, true, false));
            standings.put(5, new CustomerStanding(true, false, WEDNESDAY_NOON_NY.minus(Duration.ofDays(29))));
            standings.put(6, new CustomerStanding(true, false, WEDNESDAY_NOON_NY.minus(Duration.ofDays(30))));

            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).reason()).isEqualTo(RefusalReason.RECENTLY_ORDERED);
            assertThat(decide(lead(NUMBER, NEW_YORK, 6L)).allowed()).isTrue();
            campaign = with(new Eligibility(0, true, false));
            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).allowed()).as("rule off").isTrue();
        }

        private Campaign with(Eligibility eligibility) {
            return new Campaign(1, campaign.name(), campaign.mode(), campaign.assignment(), campaign.callerId(), campaign.schedule(),
                campaign.callingHours(), campaign.abandonLimitPercent(), campaign.retryRules(), campaign.amd(),
                campaign.safeHarbourMessage(), campaign.script(), campaign.dispositions(), campaign.caps(), eligibility,
                campaign.listLowThreshold());
        }
    }

    @Nested
    class Hours {
        @Test
        void outsideTheCampaignsScheduleIsRefused() {
            campaign = Campaign.draft("Weekdays", "+15551230000", new CampaignSchedule(NEW_YORK, CampaignSchedule.WEEKDAYS,
                new TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0))), campaign.assignment()).withId(1);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
            at("2026-03-07T17:00:00Z");
            DialDecision saturday = decide(lead(NUMBER, NEW_YORK, null));
            assertThat(saturday.reason()).isEqualTo(RefusalReason.OUTSIDE_CAMPAIGN_SCHEDULE);
            assertThat(saturday.detail()).contains("2026-03-07T12:00");
            at("2026-03-09T22:00:00Z");
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).reason()).as("Monday 18:00").isEqualTo(RefusalReason.OUTSIDE_CAMPAIGN_SCHEDULE);
        }

        @ParameterizedTest(name = "{0} in {1}: {2}")
        @CsvSource({
            // the lead's own zone, window 08:00-21:00: the same instant is allowed in one zone and not in another
            "2026-03-04T15:30:00Z, America/New_York,    true",   // 10:30 EST
            "2026-03-04T15:30:00Z, America/Los_Angeles, false",  // 07:30 PST
            "2026-03-04T16:00:00Z, America/Los_Angeles, true",   // 08:00 PST, the window's first minute
            "2026-03-05T01:59:00Z, America/New_York,    true",   // 20:59 EST
            "2026-03-05T02:00:00Z, America/New_York,    false",  // 21:00 EST, the end is not in the window
            // US daylight saving starts Sunday 2026-03-08: the same UTC time of day is an hour later locally
            "2026-03-07T12:30:00Z, America/New_York,    false",  // 07:30 EST
            "2026-03-08T12:30:00Z, America/New_York,    true",   // 08:30 EDT
            // and ends Sunday 2026-11-01
            "2026-10-31T12:30:00Z, America/New_York,    true",   // 08:30 EDT
            "2026-11-01T12:30:00Z, America/New_York,    false",  // 07:30 EST
            "2026-11-01T01:30:00Z, America/New_York,    false",  // 21:30 EDT on the Saturday evening
            // the UK moves on Sunday 2026-03-29, three weeks after the US
            "2026-03-28T07:30:00Z, Europe/London,       false",  // 07:30 GMT
            "2026-03-29T07:30:00Z, Europe/London,       true",   // 08:30 BST
            "2026-03-04T22:30:00Z, Asia/Kolkata,        false",  // 04:00 IST (half-hour offset)
            "2026-03-04T03:00:00Z, Asia/Kolkata,        true",   // 08:30 IST
        })
        void theLeadsLocalCallingWindow(String instant, String zone, boolean allowed) {
            at(instant);

            DialDecision decision = decide(lead(NUMBER, ZoneId.of(zone), null));

            assertThat(decision.allowed()).isEqualTo(allowed);
            if (!allowed) {
                assertThat(decision.reason()).isEqualTo(RefusalReason.OUTSIDE_CALLING_HOURS);
                assertThat(decision.detail()).contains(zone).contains("08:00-21:00");
            }
        }

        @Test
        void aLeadWithNoZoneGetsTheNarrowerDefaultWindowInTheCampaignsZone() {
            at("2026-03-04T13:30:00Z"); // 08:30 in New York

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
            DialDecision unknown = decide(lead(NUMBER, null, null));
            assertThat(unknown.reason()).isEqualTo(RefusalReason.OUTSIDE_CALLING_HOURS);
            assertThat(unknown.detail()).contains("09:00-20:00").contains("unknown");
            at("2026-03-04T14:00:00Z"); // 09:00
            assertThat(decide(lead(NUMBER, null, null)).allowed()).isTrue();
            at("2026-03-05T01:00:00Z"); // 20:00
            assertThat(decide(lead(NUMBER, null, null)).allowed()).isFalse();
        }
    }

    @Nested
    class AfterADrop {
        @Test
        void aNumberDroppedWithin72HoursIsNotRedialedUnlessAnAgentIsReserved() {
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(71)), CallOutcome.ABANDONED);

            DialDecision alone = decide(lead(NUMBER, NEW_YORK, null));
            assertThat(alone.reason()).isEqualTo(RefusalReason.RECENTLY_ABANDONED);
            assertThat(alone.detail()).contains("72 hours");
            assertThat(decide(lead(NUMBER, NEW_YORK, null), "2001").allowed()).isTrue();
        }

        @Test
        void theQuietPeriodEndsExactly72HoursAfterTheDrop() {
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(72)).plusSeconds(1), CallOutcome.ABANDONED);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).reason()).isEqualTo(RefusalReason.RECENTLY_ABANDONED);
            time.advance(Duration.ofSeconds(1));
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
        }

        @Test
        void otherOutcomesAndOtherNumbersDoNotCount() {
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(1)), CallOutcome.LIVE_ANSWER);
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(2)), CallOutcome.MACHINE);
            dialed("+15551230002", null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(1)), CallOutcome.ABANDONED);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
        }
    }

    @Nested
    class Caps {
        @BeforeEach
        void caps() {
            campaign = new Campaign(1, campaign.name(), campaign.mode(), campaign.assignment(), campaign.callerId(), campaign.schedule(),
                campaign.callingHours(), campaign.abandonLimitPercent(), campaign.retryRules(), campaign.amd(),
                campaign.safeHarbourMessage(), campaign.script(), campaign.dispositions(),
                List.of(new ContactCap(ContactCap.Scope.NUMBER, 3, Duration.ofDays(7)),
                    new ContactCap(ContactCap.Scope.CUSTOMER, 1, Duration.ofDays(1))), campaign.eligibility(), 0);
        }

        @Test
        void aNumberIsCappedAtItsLimitWithinThePeriod() {
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofDays(6)), CallOutcome.NO_ANSWER);
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofDays(3)), CallOutcome.BUSY);
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).as("2 of 3").isTrue();

            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofHours(1)), CallOutcome.NO_ANSWER);

            DialDecision capped = decide(lead(NUMBER, NEW_YORK, null));
            assertThat(capped.reason()).isEqualTo(RefusalReason.CONTACT_CAP_NUMBER);
            assertThat(capped.detail()).contains("3 dials").contains("cap 3");
        }

        @Test
        void aDialExactlyOnePeriodAgoNoLongerCounts() {
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofDays(7)), CallOutcome.NO_ANSWER);
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofDays(3)), CallOutcome.NO_ANSWER);
            dialed(NUMBER, null, WEDNESDAY_NOON_NY.minus(Duration.ofDays(1)), CallOutcome.NO_ANSWER);

            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).isTrue();
            time.advance(Duration.ofSeconds(-1));
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).reason()).isEqualTo(RefusalReason.CONTACT_CAP_NUMBER);
        }

        @Test
        void aCustomerIsCappedOverAllTheirNumbersAndEveryCampaign() {
            long other = attempts.started(DialAttempt.start(99, null, "+15559990000", 5L, null,
                WEDNESDAY_NOON_NY.minus(Duration.ofHours(23))));
            attempts.ended(other, CallOutcome.LIVE_ANSWER);

            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).reason()).isEqualTo(RefusalReason.CONTACT_CAP_CUSTOMER);
            assertThat(decide(lead(NUMBER, NEW_YORK, null)).allowed()).as("same number, no customer known").isTrue();
            time.advance(Duration.ofHours(1));
            assertThat(decide(lead(NUMBER, NEW_YORK, 5L)).allowed()).as("24 h after").isTrue();
        }
    }
}
