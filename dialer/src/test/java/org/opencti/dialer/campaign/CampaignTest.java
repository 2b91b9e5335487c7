package org.opencti.dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTest {
    private static final Instant ENDED = Instant.parse("2026-03-04T17:00:00Z");

    @Test
    void retryRulesGiveTheNextAttemptUntilTheLeadHasHadItsAttempts() {
        Campaign campaign = Campaigns.full("Retries");

        assertThat(campaign.nextAttempt(CallOutcome.BUSY, 1, ENDED)).contains(ENDED.plus(Duration.ofMinutes(10)));
        assertThat(campaign.nextAttempt(CallOutcome.BUSY, 3, ENDED)).isPresent();
        assertThat(campaign.nextAttempt(CallOutcome.BUSY, 4, ENDED)).as("4 of 4 made").isEmpty();
        assertThat(campaign.nextAttempt(CallOutcome.MACHINE, 1, ENDED)).contains(ENDED.plus(Duration.ofHours(6)));
        assertThat(campaign.nextAttempt(CallOutcome.INVALID_NUMBER, 1, ENDED)).as("no rule: no retry").isEmpty();
    }

    @Test
    void badCampaignsAreRefusedNamingTheField() {
        Campaign ok = Campaigns.allDay("Ok");

        assertThatThrownBy(() -> Campaign.draft("X", "555-1234", ok.schedule(), ok.assignment()))
            .hasMessageContaining("callerId").hasMessageContaining("555-1234");
        assertThatThrownBy(() -> new Campaign(0, "X", ok.mode(), ok.assignment(), ok.callerId(), ok.schedule(), null, null,
            List.of(), false, " ", "", List.of(), List.of(), null, 0)).hasMessageContaining("safeHarbourMessage");
        assertThatThrownBy(() -> new Campaign(0, "X", ok.mode(), ok.assignment(), ok.callerId(), ok.schedule(), null,
            new BigDecimal("101"), List.of(), false, "hi", "", List.of(), List.of(), null, 0)).hasMessageContaining("abandonLimitPercent");
        assertThatThrownBy(() -> new Campaign(0, "X", ok.mode(), ok.assignment(), ok.callerId(), ok.schedule(), null, null,
            List.of(), false, "hi", "", List.of(Disposition.of("sale", "Sale", "1"), Disposition.of("sale", "Again", "2")), List.of(),
            null, 0)).hasMessageContaining("disposition code sale appears twice");
        assertThatThrownBy(() -> Disposition.of("sale", "Sale", "1.005")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> Disposition.of("Sale!", "Sale", "1")).hasMessageContaining("disposition code");
        assertThatThrownBy(() -> new Assignment(java.util.Set.of(), " ")).hasMessageContaining("agents or a skill");
        assertThatThrownBy(() -> TimeWindow.parse("hours", "9-17")).hasMessageContaining("hours").hasMessageContaining("09:00-20:00");
        assertThatThrownBy(() -> TimeWindow.parse("hours", "17:00-09:00")).hasMessageContaining("after its start");
    }

    @Test
    void anEndOf2400RunsToMidnightSoTheWholeDayIsOpen() {
        TimeWindow day = TimeWindow.parse("hours", "00:00-24:00");
        TimeWindow evening = TimeWindow.parse("hours", "18:00-24:00");

        assertThat(day.contains(LocalTime.of(23, 59, 59, 999_999_999))).as("the day's last instant").isTrue();
        assertThat(day.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(evening.contains(LocalTime.of(23, 59, 30))).isTrue();
        assertThat(evening.contains(LocalTime.of(17, 59))).isFalse();
        assertThat(day).hasToString("00:00-24:00");
        assertThat(TimeWindow.parse("hours", day.toString())).isEqualTo(day);
        assertThatThrownBy(() -> TimeWindow.parse("hours", "24:00-24:00")).hasMessageContaining("09:00-20:00");
        assertThatThrownBy(() -> TimeWindow.parse("hours", "09:00-24:30")).hasMessageContaining("09:00-20:00");
    }

    @Test
    void aScheduleIsOpenOnItsDaysWithinItsHoursInItsZone() {
        var schedule = new CampaignSchedule(java.time.ZoneId.of("Europe/London"), CampaignSchedule.WEEKDAYS,
            TimeWindow.parse("hours", "09:00-17:00"));

        assertThat(schedule.isOpen(Instant.parse("2026-03-04T09:00:00Z"))).isTrue();
        assertThat(schedule.isOpen(Instant.parse("2026-03-04T08:59:59Z"))).isFalse();
        assertThat(schedule.isOpen(Instant.parse("2026-07-01T16:30:00Z"))).as("17:30 BST").isFalse();
        assertThat(schedule.isOpen(Instant.parse("2026-03-07T12:00:00Z"))).as("Saturday").isFalse();
    }
}
