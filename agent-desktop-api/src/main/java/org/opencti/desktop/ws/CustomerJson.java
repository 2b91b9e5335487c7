package org.opencti.desktop.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionSummary;

/**
 * The wire form of a customer, shared by the screen pop and the customer API so that both show the same 360 view.
 * Money is a string with two decimals ("1200.00"), so no client rounds it through a float. The balance is left out on
 * purpose: the IVR says it only after a PIN check, and a screen should not show it to anyone who glances at it.
 */
public final class CustomerJson {
    private CustomerJson() {
    }

    /** The customer's details, without history (search results). */
    public static JsonObject customer(Customer c) {
        Customer.Contact contact = c.contact();
        Customer.Relationship relationship = c.relationship();
        return new JsonObject().put("id", c.id()).put("name", c.displayName()).put("salutation", c.salutation())
            .put("firstName", c.firstName()).put("lastName", c.lastName()).put("tier", c.tier())
            .put("accountNumber", c.accountNumber()).put("phoneNumbers", new JsonArray(c.phoneNumbers()))
            .put("email", contact.email()).put("preferredLanguage", contact.preferredLanguage())
            .put("preferredChannel", contact.preferredChannel()).put("preferredContactTime", contact.preferredContactTime())
            .put("vip", relationship.vip()).put("churnRisk", relationship.churnRisk())
            .put("accountManager", relationship.accountManager()).put("lifetimeValue", money(c.value().lifetimeValue()));
    }

    /** The 360 view: details, recent interactions (notes among them), open issues and complaints, consents. */
    public static JsonObject profile(CustomerProfile profile) {
        JsonArray recent = new JsonArray();
        for (InteractionSummary i : profile.recentInteractions()) {
            recent.add(interaction(i));
        }
        JsonArray cases = new JsonArray();
        long complaints = 0;
        for (CustomerCase c : profile.openCases()) {
            cases.add(customerCase(c));
            complaints += c.kind() == CustomerCase.Kind.COMPLAINT ? 1 : 0;
        }
        JsonArray consents = new JsonArray();
        for (Consent c : profile.consents()) {
            consents.add(new JsonObject().put("channel", c.channel().word()).put("optedIn", c.optedIn())
                .put("updatedAt", c.updatedAt().toString()));
        }
        return customer(profile.customer()).put("recentInteractions", recent).put("openCases", cases)
            .put("openIssues", profile.openCases().size() - complaints).put("openComplaints", complaints)
            .put("consents", consents);
    }

    public static JsonObject interaction(InteractionSummary i) {
        return new JsonObject().put("startedAt", i.startedAt().toString()).put("channel", i.channel())
            .put("queue", i.queue()).put("agentId", i.agentId()).put("disposition", i.disposition()).put("notes", i.notes())
            .put("ivrPath", i.ivrPath());
    }

    public static JsonObject customerCase(CustomerCase c) {
        return new JsonObject().put("id", c.id()).put("kind", c.kind().word()).put("status", c.status().word())
            .put("summary", c.summary()).put("openedAt", c.openedAt().toString());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
