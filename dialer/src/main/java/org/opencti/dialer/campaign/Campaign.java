package org.opencti.dialer.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An outbound campaign: how it dials, who works it, what it shows as caller ID, when it runs, the abandon-rate limit
 * (percent of live-answered calls), retry rules by outcome, answering-machine detection, the safe-harbour message a
 * dropped person hears, the script and disposition set, and the rules checked before every dial. {@code id} is 0
 * until stored.
 */
public record Campaign(long id, String name, DialMode mode, Assignment assignment, String callerId,
                       CampaignSchedule schedule, CallingHours callingHours, BigDecimal abandonLimitPercent,
                       List<RetryRule> retryRules, boolean amd, String safeHarbourMessage, String script,
                       List<Disposition> dispositions, List<ContactCap> caps, Eligibility eligibility, int listLowThreshold) {
    public static final BigDecimal DEFAULT_ABANDON_LIMIT = new BigDecimal("3.00");
    public static final int DEFAULT_LIST_LOW_THRESHOLD = 100;
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    public Campaign {
        if (id < 0) {
            throw new IllegalArgumentException("campaign id must not be negative: " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("campaign name must not be blank");
        }
        Objects.requireNonNull(mode, "dialMode");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(schedule, "schedule");
        callingHours = callingHours == null ? CallingHours.DEFAULT : callingHours;
        eligibility = eligibility == null ? Eligibility.DEFAULT : eligibility;
        if (callerId == null || !E164.matcher(callerId).matches()) {
            throw new IllegalArgumentException("campaign " + name + ": callerId must be E.164 (+15551230000), not \"" + callerId + "\"");
        }
        abandonLimitPercent = Money.cents("campaign " + name + ": abandonLimitPercent",
            abandonLimitPercent == null ? DEFAULT_ABANDON_LIMIT : abandonLimitPercent);
        if (abandonLimitPercent.signum() < 0 || abandonLimitPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("campaign " + name + ": abandonLimitPercent must be 0-100, not " + abandonLimitPercent);
        }
        if (safeHarbourMessage == null || safeHarbourMessage.isBlank()) {
            throw new IllegalArgumentException("campaign " + name + ": safeHarbourMessage must not be blank (a dropped call must hear it)");
        }
        script = script == null ? "" : script;
        // rules and caps have no order of their own; one canonical order makes equal campaigns equal
        retryRules = (retryRules == null ? List.<RetryRule>of() : retryRules).stream()
            .sorted(java.util.Comparator.comparing(RetryRule::outcome)).toList();
        dispositions = List.copyOf(dispositions == null ? List.of() : dispositions);
        caps = (caps == null ? List.<ContactCap>of() : caps).stream()
            .sorted(java.util.Comparator.comparing(ContactCap::scope).thenComparing(ContactCap::period)).toList();
        unique("retry rule outcome", retryRules.stream().map(r -> r.outcome().word()).toList(), name);
        unique("disposition code", dispositions.stream().map(Disposition::code).toList(), name);
        unique("contact cap", caps.stream().map(c -> c.scope().word() + "/" + c.period()).toList(), name);
        if (listLowThreshold < 0) {
            throw new IllegalArgumentException("campaign " + name + ": listLowThreshold must not be negative: " + listLowThreshold);
        }
    }

    private static void unique(String what, List<String> keys, String campaign) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("campaign " + campaign + ": " + what + " " + key + " appears twice");
            }
        }
    }

    public Campaign withId(long newId) {
        return new Campaign(newId, name, mode, assignment, callerId, schedule, callingHours, abandonLimitPercent, retryRules,
            amd, safeHarbourMessage, script, dispositions, caps, eligibility, listLowThreshold);
    }

    public Optional<Disposition> disposition(String code) {
        return dispositions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<RetryRule> retryRule(CallOutcome outcome) {
        return retryRules.stream().filter(r -> r.outcome() == outcome).findFirst();
    }

    /**
     * When to dial the lead again after an attempt with this outcome, its {@code attempts}-th: empty when the campaign
     * has no rule for the outcome or the lead has had its attempts.
     */
    public Optional<Instant> nextAttempt(CallOutcome outcome, int attempts, Instant endedAt) {
        return retryRule(outcome).filter(r -> attempts < r.maxAttempts()).map(r -> endedAt.plus(r.delay()));
    }

    /** The usual defaults around a name, caller ID and schedule: progressive, 3 %, standard dispositions, no caps. */
    public static Campaign draft(String name, String callerId, CampaignSchedule schedule, Assignment assignment) {
        return new Campaign(0, name, DialMode.PROGRESSIVE, assignment, callerId, schedule, CallingHours.DEFAULT,
            DEFAULT_ABANDON_LIMIT, List.of(new RetryRule(CallOutcome.BUSY, 3, Duration.ofMinutes(15)),
                new RetryRule(CallOutcome.NO_ANSWER, 3, Duration.ofHours(2))), false,
            "Sorry we missed you. This call was from " + name + ". We will call again later.", "",
            Disposition.standardSet(), List.of(), Eligibility.DEFAULT, DEFAULT_LIST_LOW_THRESHOLD);
    }
}
