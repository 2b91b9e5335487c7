package org.opencti.core.customer;

import java.util.List;
import java.util.Optional;

/**
 * The customer, their most recent interactions (newest first), their open cases (issues and complaints neither
 * resolved nor closed, oldest first: the one waiting longest is the one to mention) and their consents (by channel).
 */
public record CustomerProfile(Customer customer, List<InteractionSummary> recentInteractions,
                              List<CustomerCase> openCases, List<Consent> consents) {
    public CustomerProfile {
        recentInteractions = List.copyOf(recentInteractions);
        openCases = List.copyOf(openCases);
        consents = List.copyOf(consents);
    }

    /** The original shape, still used across the reactor: no open cases, no consents recorded. */
    public CustomerProfile(Customer customer, List<InteractionSummary> recentInteractions) {
        this(customer, recentInteractions, List.of(), List.of());
    }

    /** The recorded answer for a channel; empty when the customer was never asked (treat as not opted in). */
    public Optional<Consent> consentFor(Consent.Channel channel) {
        return consents.stream().filter(c -> c.channel() == channel).findFirst();
    }

    /** Whether a complaint is open: the pop shows it and routing may treat the call with care. */
    public boolean hasOpenComplaint() {
        return openCases.stream().anyMatch(c -> c.kind() == CustomerCase.Kind.COMPLAINT);
    }
}
