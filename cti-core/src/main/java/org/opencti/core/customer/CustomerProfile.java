package org.opencti.core.customer;

import java.util.List;

/** The customer and their most recent interactions, newest first. */
public record CustomerProfile(Customer customer, List<InteractionSummary> recentInteractions) {
    public CustomerProfile {
        recentInteractions = List.copyOf(recentInteractions);
    }
}
