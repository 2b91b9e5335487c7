package org.opencti.dialer.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.ContactCap;
import org.opencti.dialer.campaign.Eligibility;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.lead.Lead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules checked before every dial, in this order: the do-not-call lists (internal, the campaign's, national); for
 * a known customer, an opt-out of voice, missing consent (when the campaign requires it), an open complaint, a recent
 * order; the campaign's schedule; the lead's local calling window (its own time zone, or the narrower default window
 * in the campaign's zone when it has none); no re-dial within 72 hours of a dropped call unless an agent is reserved
 * for it; the contact caps per number and per customer. The first rule that fails refuses the dial; every refusal is
 * recorded with its reason, and the decision carries it. Time comes from the injected clock only.
 */
public final class DialPolicy {
    /** A dropped call's number is not dialed again for this long, unless an agent waits for it. */
    public static final Duration ABANDON_QUIET = Duration.ofHours(72);
    private static final Logger LOG = LoggerFactory.getLogger(DialPolicy.class);

    private final DncLists dnc;
    private final ContactHistory history;
    private final CustomerStandings customers;
    private final RefusalLog refusals;
    private final Clock clock;

    public DialPolicy(DncLists dnc, ContactHistory history, CustomerStandings customers, RefusalLog refusals, Clock clock) {
        this.dnc = dnc;
        this.history = history;
        this.customers = customers;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Decides, and records a refusal before returning it. */
    public DialDecision decide(DialRequest request) {
        Instant now = clock.instant();
        DialDecision decision = check(request, now);
        if (!decision.allowed()) {
            Lead lead = request.lead();
            refusals.record(new DialRefusal(request.campaign().id(), lead.id() == 0 ? null : lead.id(), lead.e164(), decision.reason(),
                decision.detail(), now));
            LOG.debug("campaign {} lead {}: dial refused, {}: {}", request.campaign().id(), lead.id(), decision.reason().word(),
                decision.detail());
        }
        return decision;
    }

    private DialDecision check(DialRequest request, Instant now) {
        Campaign campaign = request.campaign();
        Lead lead = request.lead();
        Optional<DncLists.Hit> listed = dnc.find(campaign.id(), lead.e164());
        if (listed.isPresent()) {
            DncLists.Hit hit = listed.get();
            RefusalReason reason = switch (hit.list()) {
                case INTERNAL -> RefusalReason.DNC_INTERNAL;
                case CAMPAIGN -> RefusalReason.DNC_CAMPAIGN;
                default -> RefusalReason.DNC_NATIONAL;
            };
            return DialDecision.refuse(reason, lead.e164() + " is on the " + hit.list().name().toLowerCase(java.util.Locale.ROOT)
                + " do-not-call list (" + hit.source() + ")");
        }
        if (lead.customerId() != null) {
            DialDecision eligible = eligibility(campaign.eligibility(), lead.customerId(), now);
            if (!eligible.allowed()) {
                return eligible;
            }
        }
        if (!campaign.schedule().isOpen(now)) {
            return DialDecision.refuse(RefusalReason.OUTSIDE_CAMPAIGN_SCHEDULE, "the campaign runs " + campaign.schedule().days()
                + " " + campaign.schedule().hours() + " " + campaign.schedule().zone() + "; it is "
                + now.atZone(campaign.schedule().zone()).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime() + " there");
        }
        DialDecision window = window(campaign, lead, now);
        if (!window.allowed()) {
            return window;
        }
        Optional<Instant> dropped = history.lastAbandoned(lead.e164(), now.minus(ABANDON_QUIET));
        if (dropped.isPresent() && request.reservedAgent() == null) {
            return DialDecision.refuse(RefusalReason.RECENTLY_ABANDONED, "a call to " + lead.e164() + " was dropped at " + dropped.get()
                + "; no re-dial within 72 hours unless an agent is reserved for it");
        }
        return caps(campaign, lead, now);
    }

    private DialDecision eligibility(Eligibility rules, long customerId, Instant now) {
        CustomerStanding standing = customers.of(customerId);
        if (Boolean.FALSE.equals(standing.voiceOptIn())) {
            return DialDecision.refuse(RefusalReason.OPTED_OUT, "customer " + customerId + " opted out of voice contact");
        }
        if (rules.requireVoiceConsent() && standing.voiceOptIn() == null) {
            return DialDecision.refuse(RefusalReason.NO_VOICE_CONSENT, "customer " + customerId
                + " never gave consent for voice contact and the campaign requires it");
        }
        if (rules.skipOpenComplaints() && standing.openComplaint()) {
            return DialDecision.refuse(RefusalReason.OPEN_COMPLAINT, "customer " + customerId + " has an open complaint");
        }
        if (rules.recentOrderDays() > 0 && standing.lastOrderAt() != null
            && standing.lastOrderAt().isAfter(now.minus(Duration.ofDays(rules.recentOrderDays())))) {
            return DialDecision.refuse(RefusalReason.RECENTLY_ORDERED, "customer " + customerId + " ordered at " + standing.lastOrderAt()
                + ", within the campaign's " + rules.recentOrderDays() + " days");
        }
        return DialDecision.ALLOW;
    }

    private static DialDecision window(Campaign campaign, Lead lead, Instant now) {
        boolean known = lead.timeZone() != null;
        ZoneId zone = known ? lead.timeZone() : campaign.schedule().zone();
        TimeWindow window = known ? campaign.callingHours().leadLocal() : campaign.callingHours().unknownZone();
        // the zone's rules for that instant, so daylight saving is whatever the zone says on that date
        LocalTime local = now.atZone(zone).toLocalTime();
        if (window.contains(local)) {
            return DialDecision.ALLOW;
        }
        return DialDecision.refuse(RefusalReason.OUTSIDE_CALLING_HOURS, "it is " + local.truncatedTo(ChronoUnit.MINUTES) + " in "
            + zone + (known ? " (the lead's zone)" : " (lead's zone unknown: the campaign's zone and default window)")
            + "; calls are allowed " + window);
    }

    private DialDecision caps(Campaign campaign, Lead lead, Instant now) {
        for (ContactCap cap : campaign.caps()) {
            Instant since = now.minus(cap.period());
            if (cap.scope() == ContactCap.Scope.NUMBER) {
                int made = history.attemptsToNumber(lead.e164(), since);
                if (made >= cap.maxAttempts()) {
                    return DialDecision.refuse(RefusalReason.CONTACT_CAP_NUMBER, made + " dials to " + lead.e164() + " in the last "
                        + cap.period() + " (cap " + cap.maxAttempts() + ")");
                }
            } else if (lead.customerId() != null) {
                int made = history.attemptsToCustomer(lead.customerId(), since);
                if (made >= cap.maxAttempts()) {
                    return DialDecision.refuse(RefusalReason.CONTACT_CAP_CUSTOMER, made + " dials to customer " + lead.customerId()
                        + " in the last " + cap.period() + " (cap " + cap.maxAttempts() + ")");
                }
            }
        }
        return DialDecision.ALLOW;
    }
}
