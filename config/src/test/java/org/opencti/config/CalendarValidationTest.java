package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarValidationTest {

    private static final String US_OFFICE = """
            calendars:
              - name: us-office
                timeZone: America/New_York
                hours:
                  - {days: [MON, TUE, WED, THU, FRI], opens: "08:00", closes: "20:00"}
                  - {days: [SAT], opens: "09:00", closes: "13:00"}
                  - {days: [sat], opens: "22:00", closes: "02:00"}
                holidays:
                  - {date: 2026-12-25, name: Christmas Day}
                  - {date: 2026-12-24, name: Christmas Eve, hours: [{opens: "08:00", closes: "12:00"}]}
              - name: always
                timeZone: UTC
                hours:
                  - {days: [Monday, TUE, WED, THU, FRI, SAT, SUN], opens: "0:00", closes: "24:00"}
            """;

    private static CalendarDef usOffice() {
        return TestYaml.parse(VALID + US_OFFICE).calendar("us-office").orElseThrow();
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZoneId.of("America/New_York")).toInstant();
    }

    /** One calendar with the given hours lines (each a list item indented by four). */
    private static String calendar(String hours) {
        return VALID + "calendars:\n  - name: c\n    timeZone: UTC\n    hours:\n" + hours;
    }

    @Test
    void calendarsAreRead() {
        ContactCentreConfig config = TestYaml.parse(VALID + US_OFFICE);
        CalendarDef office = config.calendar("us-office").orElseThrow();

        assertThat(office.timeZone()).isEqualTo("America/New_York");
        assertThat(office.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(office.hours()).containsExactly(
                new HoursDef(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new HoursDef(List.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new HoursDef(List.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0)));
        assertThat(office.hours().get(2).overnight()).isTrue();
        assertThat(office.holidays()).containsExactly(
                new HolidayDef(LocalDate.of(2026, 12, 25), "Christmas Day", List.of()),
                new HolidayDef(LocalDate.of(2026, 12, 24), "Christmas Eve", List.of(new HoursDef(List.of(), LocalTime.of(8, 0),
                        LocalTime.of(12, 0)))));
        assertThat(office.holiday(LocalDate.of(2026, 12, 25)).orElseThrow().closedAllDay()).isTrue();
        assertThat(config.calendar("always").orElseThrow().hours().get(0).closes()).isEqualTo(HoursDef.END_OF_DAY);
        assertThat(config.calendar("nope")).isEmpty();
    }

    @Test
    void isOpenFollowsHoursOvernightRangesAndHolidaysInLocalTime() {
        CalendarDef office = usOffice();

        assertThat(office.isOpen(newYork("2026-03-02T08:00"))).as("Monday opening, inclusive").isTrue();
        assertThat(office.isOpen(newYork("2026-03-02T19:59"))).isTrue();
        assertThat(office.isOpen(newYork("2026-03-02T20:00"))).as("closing is exclusive").isFalse();
        assertThat(office.isOpen(newYork("2026-03-08T10:00"))).as("Sunday").isFalse();
        assertThat(office.isOpen(newYork("2026-03-07T23:30"))).as("Saturday night").isTrue();
        assertThat(office.isOpen(newYork("2026-03-08T01:59"))).as("Saturday's range, after midnight").isTrue();
        assertThat(office.isOpen(newYork("2026-03-08T02:00"))).isFalse();
        assertThat(office.isOpen(newYork("2026-12-25T10:00"))).as("Christmas Day, a Friday").isFalse();
        assertThat(office.isOpen(newYork("2026-12-24T11:59"))).as("Christmas Eve short day").isTrue();
        assertThat(office.isOpen(newYork("2026-12-24T12:00"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-03-02T12:59:00Z"))).as("12:59 UTC is 07:59 in New York (EST)").isFalse();
        assertThat(office.isOpen(Instant.parse("2026-03-16T12:59:00Z"))).as("two weeks later, on EDT, it is 08:59").isTrue();

        CalendarDef always = TestYaml.parse(VALID + US_OFFICE).calendar("always").orElseThrow();
        assertThat(always.isOpen(Instant.parse("2026-03-08T23:59:59.999Z"))).isTrue();
        assertThat(always.isOpen(Instant.parse("2026-03-09T00:00:00Z"))).isTrue();
    }

    @Test
    void unknownTimeZoneIsNamedWithAHintWhenOneIsClose() {
        assertThat(problems(VALID + US_OFFICE.replace("America/New_York", "Mars/Olympus")))
                .containsExactly("calendars[0].timeZone: unknown time zone \"Mars/Olympus\" (an IANA zone such as America/New_York"
                        + " or Europe/London)");
        assertThat(problems(VALID + US_OFFICE.replace("America/New_York", "America/New_Yrok")))
                .containsExactly("calendars[0].timeZone: unknown time zone \"America/New_Yrok\" (did you mean \"America/New_York\"?)");
        assertThat(problems(VALID + US_OFFICE.replace("timeZone: America/New_York", "timeZone:")))
                .containsExactly("calendars[0].timeZone: required");
    }

    @Test
    void badTimesAndDates() {
        assertThat(problems(calendar("""
                      - {days: [MON], opens: "8am", closes: "24:00"}
                      - {days: [TUE], opens: "24:00", closes: "25:00"}
                      - {days: [WED], opens: "08:00", closes: "08:60"}
                    holidays:
                      - {date: 2026-02-30}
                      - {date: "25/12/2026"}
                      - {name: Boxing Day}
                """))).containsExactly(
                "calendars[0].hours[0].opens: \"8am\" is not a time (HH:MM, 00:00 to 23:59)",
                "calendars[0].hours[1].opens: \"24:00\" is not a time (HH:MM, 00:00 to 23:59)",
                "calendars[0].hours[1].closes: \"25:00\" is not a time (HH:MM, 00:00 to 24:00)",
                "calendars[0].hours[2].closes: \"08:60\" is not a time (HH:MM, 00:00 to 24:00)",
                "calendars[0].holidays[0].date: \"2026-02-30\" is not a date (YYYY-MM-DD)",
                "calendars[0].holidays[1].date: \"25/12/2026\" is not a date (YYYY-MM-DD)",
                "calendars[0].holidays[2].date: required");
    }

    @Test
    void unquotedTimesReadAsWritten() {
        CalendarDef c = TestYaml.parse(calendar("      - {days: [MON], opens: 8:30, closes: 17:00}\n")).calendar("c").orElseThrow();

        assertThat(c.hours().get(0)).isEqualTo(new HoursDef(List.of(DayOfWeek.MONDAY), LocalTime.of(8, 30), LocalTime.of(17, 0)));
    }

    @Test
    void opensEqualToClosesIsRefusedWithTheAllDaySpelling() {
        assertThat(problems(calendar("      - {days: [MON], opens: \"00:00\", closes: \"00:00\"}\n"))).containsExactly(
                "calendars[0].hours[0].closes: same as opens (00:00); for all day write opens: \"00:00\", closes: \"24:00\"");
    }

    @Test
    void daysMustBeKnownListedOnceAndGiven() {
        assertThat(problems(calendar("""
                      - {days: [MON, THR, mon], opens: "08:00", closes: "17:00"}
                      - {opens: "08:00", closes: "17:00"}
                """))).containsExactly(
                "calendars[0].hours[0].days[1]: unknown day \"THR\" (did you mean \"THU\"?)",
                "calendars[0].hours[0].days[2]: MON is listed twice",
                "calendars[0].hours[1].days: required (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    @Test
    void overlappingHoursOnOneDayAreRefused() {
        assertThat(problems(calendar("""
                      - {days: [MON, TUE], opens: "08:00", closes: "12:00"}
                      - {days: [TUE], opens: "11:00", closes: "18:00"}
                      - {days: [WED], opens: "12:00", closes: "18:00"}
                      - {days: [WED], opens: "08:00", closes: "12:00"}
                """))).as("touching ranges are fine").containsExactly("calendars[0].hours[1]: overlaps hours[0] on TUE");
    }

    @Test
    void overnightRangesOverlapTheNextDayIncludingSundayIntoMonday() {
        assertThat(problems(calendar("""
                      - {days: [FRI], opens: "22:00", closes: "06:00"}
                      - {days: [SAT], opens: "05:00", closes: "12:00"}
                      - {days: [MON], opens: "00:00", closes: "09:00"}
                      - {days: [SUN], opens: "23:00", closes: "01:00"}
                """))).containsExactly(
                "calendars[0].hours[1]: overlaps hours[0] on SAT",
                "calendars[0].hours[3]: overlaps hours[2] on MON");
    }

    @Test
    void holidayHoursMayNotOverlapEachOtherAndDatesAreUnique() {
        assertThat(problems(calendar("      - {days: [MON], opens: \"08:00\", closes: \"17:00\"}\n" + """
                    holidays:
                      - {date: 2026-12-24, hours: [{opens: "08:00", closes: "12:00"}, {opens: "11:00", closes: "13:00"}]}
                      - {date: 2026-12-25}
                      - {date: 2026-12-24, name: again}
                      - {date: 2026-12-31, hours: [{days: [MON], opens: "08:00", closes: "12:00"}]}
                """))).containsExactly(
                "calendars[0].holidays[0].hours[1]: overlaps hours[0]",
                "calendars[0].holidays[2].date: duplicate holiday 2026-12-24 (holidays[0])",
                "calendars[0].holidays[3].hours[0].days: unknown key (expected one of opens, closes)");
    }

    @Test
    void calendarNamesAreUniqueAndHoursRequired() {
        assertThat(problems(VALID + """
                calendars:
                  - {name: c, timeZone: UTC, hours: [{days: [MON], opens: "08:00", closes: "17:00"}]}
                  - {name: c, timeZone: UTC}
                """)).containsExactly(
                "calendars[1].name: duplicate calendar \"c\"",
                "calendars[1].hours: at least one range is required (for always open: days: [MON, TUE, WED, THU, FRI, SAT, SUN],"
                        + " opens: \"00:00\", closes: \"24:00\")");
    }

    @Test
    void queueCalendarMustExist() {
        String yaml = VALID.replace("{name: support, skills", "{name: support, calendar: us-ofice, skills") + US_OFFICE;

        assertThat(problems(yaml)).containsExactly("queues[1].calendar: unknown calendar \"us-ofice\" (did you mean \"us-office\"?)");
        assertThat(TestYaml.parse(yaml.replace("us-ofice", "us-office")).queue("support").orElseThrow().calendar()).isEqualTo("us-office");
        assertThat(TestYaml.parse(VALID).queue("support").orElseThrow().calendar()).as("always open").isNull();
    }
}
