package org.opencti.acd.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final List<DayOfWeek> EVERY_DAY = List.of(DayOfWeek.values());

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static Optional<Instant> when(String iso) {
        return Optional.of(at(iso));
    }

    @Test
    void weeklyHoursAreReadInTheQueuesZone() {
        BusinessCalendar cal = new BusinessCalendar(NEW_YORK, OpeningHours.on(WEEKDAYS, "09:00-17:00"), List.of());
        // Monday 2 March 2026 is still winter time in New York (UTC-5).
        assertThat(cal.isOpen(at("2026-03-02T13:59:59Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-03-02T14:00:00Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-02T21:59:59Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-02T22:00:00Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-03-07T15:00:00Z"))).as("Saturday").isFalse();
        assertThat(cal.nextChange(at("2026-03-02T12:00:00Z"))).isEqualTo(when("2026-03-02T14:00:00Z"));
        assertThat(cal.nextChange(at("2026-03-02T14:00:00Z"))).as("strictly after").isEqualTo(when("2026-03-02T22:00:00Z"));
        assertThat(cal.nextChange(at("2026-03-06T22:00:00Z"))).as("Friday close to Monday open").isEqualTo(when("2026-03-09T13:00:00Z"));
    }

    @Test
    void overnightRangesRunPastMidnightAndRoundTheWeek() {
        BusinessCalendar cal = new BusinessCalendar(ZoneOffset.UTC, List.of(
            OpeningHours.of(FRIDAY, "22:00-06:00"),
            OpeningHours.of(SUNDAY, "22:00-06:00"),
            OpeningHours.of(MONDAY, "09:00-12:00")), List.of());
        assertThat(cal.isOpen(at("2026-03-06T21:59:59Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-03-06T22:00:00Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-07T05:59:59Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-07T06:00:00Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-03-09T05:00:00Z"))).as("Sunday night into Monday").isTrue();
        assertThat(cal.nextChange(at("2026-03-07T06:00:00Z"))).isEqualTo(when("2026-03-08T22:00:00Z"));
        assertThat(cal.nextChange(at("2026-03-08T23:00:00Z"))).isEqualTo(when("2026-03-09T06:00:00Z"));
        assertThat(cal.nextChange(at("2026-03-09T06:00:00Z"))).isEqualTo(when("2026-03-09T09:00:00Z"));
    }

    @Test
    void touchingRangesAndMidnightFormOneOpenPeriod() {
        BusinessCalendar cal = new BusinessCalendar(ZoneOffset.UTC, List.of(
            OpeningHours.of(MONDAY, "09:00-12:00"),
            OpeningHours.of(MONDAY, "12:00-24:00"),
            OpeningHours.of(TUESDAY, "00:00-08:00")), List.of());
        assertThat(cal.isOpen(at("2026-03-02T23:59:59.999Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-03T00:00:00Z"))).isTrue();
        assertThat(cal.nextChange(at("2026-03-02T10:00:00Z"))).isEqualTo(when("2026-03-03T08:00:00Z"));
    }

    @Test
    void aClosedHolidayIsTheQueuesLocalDateNotUtc() {
        BusinessCalendar cal = new BusinessCalendar(ZoneId.of("America/Los_Angeles"), OpeningHours.on(EVERY_DAY, "00:00-24:00"),
            List.of(Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day")));
        // 05:00 UTC on the 25th is still the evening of the 24th in Los Angeles (UTC-8).
        assertThat(cal.isOpen(at("2026-12-25T05:00:00Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-12-25T08:00:00Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-12-26T07:59:59Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-12-26T08:00:00Z"))).isTrue();
        assertThat(cal.nextChange(at("2026-12-25T05:00:00Z"))).isEqualTo(when("2026-12-25T08:00:00Z"));
        assertThat(cal.nextChange(at("2026-12-25T08:00:00Z"))).isEqualTo(when("2026-12-26T08:00:00Z"));
        assertThat(cal.holidayOn(LocalDate.of(2026, 12, 25))).map(Holiday::name).contains("Christmas Day");
    }

    @Test
    void holidaySpecialHoursReplaceTheWeeklyHours() {
        BusinessCalendar cal = new BusinessCalendar(NEW_YORK, OpeningHours.on(WEEKDAYS, "09:00-17:00"),
            List.of(new Holiday(LocalDate.of(2026, 12, 24), "Christmas Eve", List.of(TimeRange.parse("10:00-14:00")))));
        assertThat(cal.isOpen(at("2026-12-23T14:30:00Z"))).as("the day before, 09:30 EST").isTrue();
        assertThat(cal.isOpen(at("2026-12-24T14:30:00Z"))).as("09:30 EST on the holiday").isFalse();
        assertThat(cal.isOpen(at("2026-12-24T15:00:00Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-12-24T19:00:00Z"))).isFalse();
        assertThat(cal.hoursOn(LocalDate.of(2026, 12, 24))).containsExactly(TimeRange.parse("10:00-14:00"));
        assertThat(cal.nextChange(at("2026-12-24T14:00:00Z"))).isEqualTo(when("2026-12-24T15:00:00Z"));
        assertThat(cal.nextChange(at("2026-12-24T15:00:00Z"))).isEqualTo(when("2026-12-24T19:00:00Z"));
    }

    @Test
    void anOvernightRangeBelongsToTheDayItOpensOn() {
        BusinessCalendar cal = new BusinessCalendar(ZoneOffset.UTC, OpeningHours.on(EVERY_DAY, "22:00-06:00"),
            List.of(Holiday.closed(LocalDate.of(2026, 3, 3), "closed Tuesday")));
        assertThat(cal.isOpen(at("2026-03-03T03:00:00Z"))).as("Monday's night runs into the holiday").isTrue();
        assertThat(cal.isOpen(at("2026-03-03T22:30:00Z"))).as("the holiday's own night is gone").isFalse();
        assertThat(cal.isOpen(at("2026-03-04T03:00:00Z"))).isFalse();
        assertThat(cal.nextChange(at("2026-03-03T06:00:00Z"))).isEqualTo(when("2026-03-04T22:00:00Z"));
    }

    @Test
    void londonSpringForwardOpensAnHourEarlierInUtc() {
        BusinessCalendar cal = new BusinessCalendar(LONDON, OpeningHours.on(EVERY_DAY, "09:00-17:00"), List.of());
        assertThat(cal.isOpen(at("2026-03-28T09:00:00Z"))).as("Saturday, GMT").isTrue();
        assertThat(cal.nextChange(at("2026-03-28T17:00:00Z"))).as("Sunday 09:00 BST").isEqualTo(when("2026-03-29T08:00:00Z"));
        assertThat(cal.isOpen(at("2026-03-29T07:59:59Z"))).isFalse();
        assertThat(cal.nextChange(at("2026-03-29T08:00:00Z"))).isEqualTo(when("2026-03-29T16:00:00Z"));
    }

    @Test
    void aBoundaryInTheSpringForwardGapFallsOnTheJump() {
        // 01:30 does not exist in London on 29 March 2026: the clocks go from 01:00 GMT to 02:00 BST.
        BusinessCalendar cal = new BusinessCalendar(LONDON, List.of(OpeningHours.of(SUNDAY, "01:30-03:00")), List.of());
        assertThat(cal.isOpen(at("2026-03-29T00:59:59Z"))).isFalse();
        assertThat(cal.isOpen(at("2026-03-29T01:00:00Z"))).isTrue();
        assertThat(cal.nextChange(at("2026-03-29T00:00:00Z"))).isEqualTo(when("2026-03-29T01:00:00Z"));
        assertThat(cal.nextChange(at("2026-03-29T01:00:00Z"))).as("03:00 BST").isEqualTo(when("2026-03-29T02:00:00Z"));
    }

    @Test
    void londonFallBackOpensAnHourLaterInUtcAndAnOvernightShiftLastsNineHours() {
        BusinessCalendar day = new BusinessCalendar(LONDON, OpeningHours.on(EVERY_DAY, "09:00-17:00"), List.of());
        assertThat(day.isOpen(at("2026-10-24T08:00:00Z"))).as("Saturday 09:00 BST").isTrue();
        assertThat(day.nextChange(at("2026-10-24T16:00:00Z"))).as("Sunday 09:00 GMT").isEqualTo(when("2026-10-25T09:00:00Z"));
        assertThat(day.isOpen(at("2026-10-25T08:30:00Z"))).isFalse();

        BusinessCalendar night = new BusinessCalendar(LONDON, List.of(OpeningHours.of(SATURDAY, "22:00-06:00")), List.of());
        assertThat(night.nextChange(at("2026-10-24T12:00:00Z"))).isEqualTo(when("2026-10-24T21:00:00Z"));
        assertThat(night.nextChange(at("2026-10-24T21:00:00Z"))).isEqualTo(when("2026-10-25T06:00:00Z"));
    }

    @Test
    void newYorkSpringForwardShortensAnOvernightShift() {
        BusinessCalendar cal = new BusinessCalendar(NEW_YORK, List.of(OpeningHours.of(SATURDAY, "22:00-06:00")), List.of());
        // Saturday 22:00 EST is 03:00 UTC; Sunday 06:00 EDT is 10:00 UTC: seven hours, not eight.
        assertThat(cal.nextChange(at("2026-03-07T12:00:00Z"))).isEqualTo(when("2026-03-08T03:00:00Z"));
        assertThat(cal.isOpen(at("2026-03-08T09:59:59Z"))).isTrue();
        assertThat(cal.isOpen(at("2026-03-08T10:00:00Z"))).isFalse();
        assertThat(cal.nextChange(at("2026-03-08T03:00:00Z"))).isEqualTo(when("2026-03-08T10:00:00Z"));
    }

    @Test
    void newYorkFallBackLengthensAnOvernightShiftAndARepeatedHourCountsOnce() {
        BusinessCalendar night = new BusinessCalendar(NEW_YORK, List.of(OpeningHours.of(SATURDAY, "22:00-06:00")), List.of());
        // Saturday 22:00 EDT is 02:00 UTC; Sunday 06:00 EST is 11:00 UTC: nine hours.
        assertThat(night.isOpen(at("2026-11-01T10:59:59Z"))).isTrue();
        assertThat(night.nextChange(at("2026-11-01T02:00:00Z"))).isEqualTo(when("2026-11-01T11:00:00Z"));

        // 01:00-01:30 happens twice that night; the range is its first occurrence (EDT).
        BusinessCalendar repeated = new BusinessCalendar(NEW_YORK, List.of(OpeningHours.of(SUNDAY, "01:00-01:30")), List.of());
        assertThat(repeated.isOpen(at("2026-11-01T05:10:00Z"))).isTrue();
        assertThat(repeated.isOpen(at("2026-11-01T06:10:00Z"))).as("01:10 EST").isFalse();
        assertThat(repeated.nextChange(at("2026-11-01T05:10:00Z"))).isEqualTo(when("2026-11-01T05:30:00Z"));
    }

    @Test
    void calendarsThatNeverChangeHaveNoNextChange() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        assertThat(always.isOpen(at("2026-06-01T03:04:05Z"))).isTrue();
        assertThat(always.nextChange(at("2026-06-01T03:04:05Z"))).isEmpty();

        BusinessCalendar never = new BusinessCalendar(NEW_YORK, List.of(), List.of());
        assertThat(never.isOpen(at("2026-06-01T03:04:05Z"))).isFalse();
        assertThat(never.nextChange(at("2026-06-01T03:04:05Z"))).isEmpty();
    }

    @Test
    void aHolidayFarAheadIsStillFound() {
        BusinessCalendar allWeek = new BusinessCalendar(NEW_YORK, OpeningHours.on(EVERY_DAY, "00:00-24:00"),
            List.of(Holiday.closed(LocalDate.of(2027, 1, 1), "New Year")));
        assertThat(allWeek.nextChange(at("2026-03-02T00:00:00Z"))).isEqualTo(when("2027-01-01T05:00:00Z"));
        assertThat(allWeek.nextChange(at("2027-01-01T05:00:00Z"))).isEqualTo(when("2027-01-02T05:00:00Z"));
        assertThat(allWeek.nextChange(at("2027-01-02T05:00:00Z"))).isEmpty();

        BusinessCalendar specialOnly = new BusinessCalendar(NEW_YORK, List.of(),
            List.of(new Holiday(LocalDate.of(2026, 12, 24), "Christmas Eve", List.of(TimeRange.parse("10:00-14:00")))));
        assertThat(specialOnly.nextChange(at("2026-03-02T00:00:00Z"))).isEqualTo(when("2026-12-24T15:00:00Z"));
    }
}
