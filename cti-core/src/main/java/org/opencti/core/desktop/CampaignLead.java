package org.opencti.core.desktop;

/**
 * A campaign's lead as an agent's desktop shows it: the number to call, the name on the list, and the customer the
 * number belongs to ({@code customerId} null when nobody is known), so the page can fetch the full record.
 */
public record CampaignLead(long leadId, String phone, String firstName, String lastName, Long customerId) {
    public CampaignLead {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("campaign lead " + leadId + ": phone must not be blank");
        }
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }
}
