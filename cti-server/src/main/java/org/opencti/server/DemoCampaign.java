package org.opencti.server;

import java.io.StringReader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.opencti.dialer.campaign.Assignment;
import org.opencti.dialer.campaign.CallingHours;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignSchedule;
import org.opencti.dialer.campaign.CampaignState;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.lead.CustomerLookup;
import org.opencti.dialer.lead.ImportResult;
import org.opencti.dialer.lead.LeadImporter;
import org.opencti.pbxsim.OutboundPopulation;
import org.opencti.pbxsim.PbxSimulator;

/**
 * The demo's outbound side: a small progressive campaign worked by agents 2003 and 2004, dialing fictional 555-01xx
 * numbers that pbx-sim answers as a typical consumer list does (people, machines, busy, no answer, dead numbers). It
 * runs in a time zone where it is early afternoon now, so a new user sees outbound activity at any hour; the agents
 * also serve the queues, and inbound callers come first.
 */
final class DemoCampaign {
    static final Set<String> AGENTS = Set.of("2003", "2004");
    private static final int LEADS = 60;

    private DemoCampaign() {
    }

    /** Stores the campaign and its list, marks it running and starts its runner; returns it. */
    static Campaign start(ContactCentre centre, Stores stores, PbxSimulator pbx, String region, Clock clock) {
        pbx.outboundPopulation(OutboundPopulation.typical(clock.millis()));
        TimeWindow allDay = TimeWindow.parse("hours", "06:00-22:00");
        CampaignSchedule schedule = new CampaignSchedule(afternoonZone(clock.instant()), EnumSet.allOf(DayOfWeek.class), allDay);
        Campaign draft = Campaign.draft("Demo renewals", "+12025550100", schedule, new Assignment(AGENTS, null));
        Campaign campaign = new Campaign(0, draft.name(), DialMode.PROGRESSIVE, draft.assignment(), draft.callerId(), schedule,
            new CallingHours(allDay, allDay), draft.abandonLimitPercent(), draft.retryRules(), true, draft.safeHarbourMessage(),
            "Hello {first_name}, this is the demo centre about your contract renewal.", draft.dispositions(), draft.caps(),
            draft.eligibility(), 10);
        Stores.Outbound outbound = stores.outbound();
        Campaign saved = outbound.campaigns().save(campaign);
        // No time zone per lead: the calling hours for an unknown zone apply, in the campaign's zone.
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < LEADS; i++) {
            csv.append(String.format("+1202555%04d,Lead %d%n", 100 + i, i + 1));
        }
        ImportResult loaded = new LeadImporter(outbound.leads(), CustomerLookup.of(stores.customers()), region,
            LeadImporter.Limits.DEFAULT, clock).importCsv(saved.id(), "Demo list", new StringReader(csv.toString()));
        if (loaded.accepted() == 0) {
            throw new IllegalStateException("demo campaign: no lead loaded: " + loaded.rejected());
        }
        outbound.states().move(saved.id(), Set.of(CampaignState.DRAFT), CampaignState.RUNNING, "demo", clock.instant());
        centre.campaigns().started(saved, CampaignState.DRAFT);
        return saved;
    }

    /** A fixed-offset zone whose clock reads about 14:00 now. */
    static ZoneId afternoonZone(Instant now) {
        int hour = now.atOffset(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(14 - hour + 12, 24) - 12;
        return ZoneOffset.ofHours(offset);
    }
}
