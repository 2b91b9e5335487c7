package org.opencti.desktop.http;

import java.time.Clock;
import java.util.Objects;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.CampaignStates;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.compliance.AttemptLog;
import org.opencti.dialer.compliance.DncLists;
import org.opencti.dialer.compliance.NationalRegisterImporter;
import org.opencti.dialer.compliance.RefusalLog;
import org.opencti.dialer.lead.LeadImporter;
import org.opencti.dialer.lead.LeadStore;

/**
 * What the campaign, do-not-call and compliance routes work on: the dialer's stores, the hook the dialer is told of
 * starts, pauses, stops and edits through ({@link CampaignControl#NONE} when nothing dials), who works which campaign,
 * the centre's number format, and the clock changes are stamped with. Every store call runs on a worker.
 */
public record CampaignApi(CampaignStore campaigns, CampaignStates states, CampaignControl control, LeadStore leads,
                          LeadImporter leadImporter, DncLists dnc, NationalRegisterImporter registers, AttemptLog attempts,
                          RefusalLog refusals, CampaignStaff staff, PhoneNumbers numbers, Clock clock) {
    public CampaignApi {
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(leadImporter, "leadImporter");
        Objects.requireNonNull(dnc, "dnc");
        Objects.requireNonNull(registers, "registers");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(refusals, "refusals");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(clock, "clock");
    }
}
