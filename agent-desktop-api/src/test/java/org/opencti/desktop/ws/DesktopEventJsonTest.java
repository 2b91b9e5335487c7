package org.opencti.desktop.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.screenpop.ScreenPop;

/** The screen pop carries the 360 view the customer model has, and keeps the fields it had before. */
class DesktopEventJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void thePopShowsValueRelationshipPreferencesAndWhatIsStillOpen() {
        Customer alice = new Customer(7, "Ms", "Alice", "Moreno", "Gold", "100234", List.of("+12025550143"),
            new Customer.Contact("alice@example.com", "es", "voice", "09:00-12:00"),
            new Customer.Value(new BigDecimal("4820"), new BigDecimal("148.5"), new BigDecimal("-12.40")),
            new Customer.Relationship(true, true, "1001"));
        CustomerProfile profile = new CustomerProfile(alice,
            List.of(new InteractionSummary(T0, "note", null, "2001", "note", "Wants a callback")),
            List.of(new CustomerCase(3, CustomerCase.Kind.COMPLAINT, CustomerCase.Status.OPEN, "Charged twice", T0, null),
                new CustomerCase(4, CustomerCase.Kind.ISSUE, CustomerCase.Status.PENDING, "Router", T0, null),
                new CustomerCase(5, CustomerCase.Kind.ISSUE, CustomerCase.Status.OPEN, "Wi-Fi", T0, null)),
            List.of(new Consent(Consent.Channel.SMS, true, T0)));

        JsonObject c = DesktopEventJson.pop(new ScreenPop("2025550143", "+12025550143", ScreenPop.Outcome.FOUND, profile, 3))
            .getJsonObject("customer");

        assertThat(c.getString("name")).isEqualTo("Ms Alice Moreno");
        assertThat(c.getString("salutation")).isEqualTo("Ms");
        assertThat(c.getString("tier")).isEqualTo("Gold");
        assertThat(c.getString("accountNumber")).isEqualTo("100234");
        assertThat(c.getBoolean("vip")).isTrue();
        assertThat(c.getBoolean("churnRisk")).isTrue();
        assertThat(c.getString("lifetimeValue")).isEqualTo("4820.00");
        assertThat(c.getString("preferredLanguage")).isEqualTo("es");
        assertThat(c.getInteger("openComplaints")).isEqualTo(1);
        assertThat(c.getInteger("openIssues")).isEqualTo(2);
        assertThat(c.getJsonArray("openCases").getJsonObject(0).getString("summary")).isEqualTo("Charged twice");
        assertThat(c.getJsonArray("recentInteractions").getJsonObject(0).getString("notes")).isEqualTo("Wants a callback");
        assertThat(c.getJsonArray("consents").getJsonObject(0).getString("channel")).isEqualTo("sms");
        assertThat(c.containsKey("balance")).isFalse();
        assertThat(c.encode()).doesNotContain("-12.40", "148.50");
    }
}
