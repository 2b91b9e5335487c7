package org.opencti.acd.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarValidationTest {
    @Test
    void aRangeThatOpensAndClosesAtOnceIsRefused() {
        assertThatThrownBy(() -> new OpeningHours(MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("opening hours on MONDAY: range 09:00-09:00 opens and closes at the same time; use 00:00-24:00 for a whole day");
    }

    @Test
    void overlappingRangesOnOneDayAreRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC,
            List.of(OpeningHours.of(MONDAY, "09:00-12:00"), OpeningHours.of(MONDAY, "11:00-13:00")), List.of()))
            .hasMessage("opening hours overlap: MONDAY 09:00-12:00 and MONDAY 11:00-13:00");
    }

    @Test
    void anOvernightRangeOverlappingTheNextMorningIsRefusedEvenAcrossTheWeekEnd() {
        assertThatThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC,
            List.of(OpeningHours.of(MONDAY, "05:00-09:00"), OpeningHours.of(SUNDAY, "22:00-06:00")), List.of()))
            .hasMessage("opening hours overlap: SUNDAY 22:00-06:00 and MONDAY 05:00-09:00");
    }

    @Test
    void duplicateHolidayDatesAreRefused() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThatThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC, List.of(),
            List.of(Holiday.closed(christmas, "Christmas"), Holiday.closed(christmas, "Xmas"))))
            .hasMessage("duplicate holiday date 2026-12-25 (Christmas, Xmas)");
    }

    @Test
    void overlappingSpecialHoursAreRefused() {
        assertThatThrownBy(() -> new Holiday(LocalDate.of(2026, 12, 24), "Christmas Eve",
            List.of(TimeRange.parse("10:00-14:00"), TimeRange.parse("13:00-15:00"))))
            .hasMessage("special hours of holiday 2026-12-24 (Christmas Eve) overlap: 10:00-14:00 and 13:00-15:00");
    }

    @Test
    void rangesParseTwentyFourHundredAndKnowWhenTheyRunOvernight() {
        assertThat(TimeRange.parse("00:00-24:00")).isEqualTo(TimeRange.allDay());
        assertThat(TimeRange.parse("22:00-06:00").overnight()).isTrue();
        assertThat(TimeRange.parse("22:00-00:00").overnight()).isTrue();
        assertThat(TimeRange.parse("09:00-24:00").overnight()).isFalse();
        assertThat(TimeRange.parse("22:00-06:00").nominalLength()).hasHours(8);
        assertThat(TimeRange.parse("09:00-24:00")).hasToString("09:00-24:00");
        assertThatThrownBy(() -> TimeRange.parse("9 to 5")).hasMessage("expected HH:MM-HH:MM, got '9 to 5'");
        assertThatThrownBy(() -> TimeRange.parse("09:00-25:00")).hasMessage("not a time of day: '25:00'");
    }
}
