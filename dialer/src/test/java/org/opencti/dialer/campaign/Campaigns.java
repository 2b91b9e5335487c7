package org.opencti.dialer.campaign;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Campaigns for tests. */
public final class Campaigns {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Campaigns() {
    }

    /** Every day, 00:00-24:00 in New York (so only the lead-local rules decide), progressive, standard set. */
    public static Campaign allDay(String name) {
        return Campaign.draft(name, "+15551230000", new CampaignSchedule(NEW_YORK, EnumSet.allOf(DayOfWeek.class),
            new TimeWindow(LocalTime.MIDNIGHT, TimeWindow.END_OF_DAY)), Assignment.skill("sales"));
    }

    /** A campaign with every field away from its default. */
    public static Campaign full(String name) {
        return new Campaign(0, name, DialMode.PREDICTIVE, new Assignment(Set.of("2001", "2002"), "sales"), "+442071234567",
            new CampaignSchedule(ZoneId.of("Europe/London"), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                new TimeWindow(LocalTime.of(10, 0), LocalTime.of(18, 30))),
            new CallingHours(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(21, 0)), new TimeWindow(LocalTime.of(9, 30),
                LocalTime.of(19, 0))),
            new BigDecimal("2.50"), List.of(new RetryRule(CallOutcome.BUSY, 4, Duration.ofMinutes(10)),
                new RetryRule(CallOutcome.MACHINE, 2, Duration.ofHours(6))), true, "This was Acme. We will call back.",
            "Hello, this is {agent} from Acme.",
            List.of(Disposition.of("sale", "Sale", "120.50", Disposition.Flag.SALE, Disposition.Flag.FINAL),
                Disposition.of("dnc", "Do not call", "0", Disposition.Flag.DNC_REQUEST, Disposition.Flag.FINAL),
                Disposition.of("callback", "Callback", "0", Disposition.Flag.CALLBACK)),
            List.of(new ContactCap(ContactCap.Scope.NUMBER, 3, Duration.ofDays(7)),
                new ContactCap(ContactCap.Scope.CUSTOMER, 1, Duration.ofDays(1))),
            new Eligibility(30, false, true), 25);
    }
}
