package org.opencti.dialer.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.PostgresCustomerDirectory;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.store.TestDatabase;

class PostgresComplianceStoresTest extends ComplianceStoresContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected void reset() {
        db.empty();
    }

    @Override
    protected long aCustomer() {
        return new PostgresCustomerDirectory(db.dataSource()).save(new Customer(0, null, "Di", "Ash", null, null,
            List.of("+15551238888"))).id();
    }

    @Override
    protected CampaignStore campaigns() {
        return new PostgresCampaignStore(db.dataSource());
    }

    @Override
    protected DncLists dnc() {
        return new PostgresDncLists(db.dataSource());
    }

    @Override
    protected AttemptLog attempts() {
        return new PostgresAttemptLog(db.dataSource());
    }

    @Override
    protected RefusalLog refusals() {
        return new PostgresRefusalLog(db.dataSource());
    }

    @Test
    void aCustomersStandingIsReadFromTheCustomerModel() {
        var directory = new PostgresCustomerDirectory(db.dataSource());
        long quiet = directory.save(new Customer(0, null, "Ann", "Lee", null, "ACC-1", List.of("+15551230001"))).id();
        long busy = directory.save(new Customer(0, null, "Bob", "Ray", null, "ACC-2", List.of("+15551230002"))).id();
        directory.setConsent(busy, new Consent(Consent.Channel.VOICE, false, T0));
        directory.setConsent(busy, new Consent(Consent.Channel.SMS, true, T0));
        directory.addCase(busy, CustomerCase.open(CustomerCase.Kind.COMPLAINT, "rude agent", T0));
        directory.saveOrder(busy, new CustomerOrder("A-1", CustomerOrder.Status.SHIPPED, T0.minus(Duration.ofDays(2))));
        directory.saveOrder(busy, new CustomerOrder("A-2", CustomerOrder.Status.RECEIVED, T0.minus(Duration.ofDays(1))));
        long resolved = directory.save(new Customer(0, null, "Cy", "Ode", null, "ACC-3", List.of("+15551230003"))).id();
        long issue = directory.addCase(resolved, CustomerCase.open(CustomerCase.Kind.COMPLAINT, "late", T0)).id();
        directory.setCaseStatus(issue, CustomerCase.Status.RESOLVED, T0.plusSeconds(60));
        directory.addCase(resolved, CustomerCase.open(CustomerCase.Kind.ISSUE, "question", T0));
        directory.setConsent(resolved, new Consent(Consent.Channel.VOICE, true, T0));

        var standings = new PostgresCustomerStandings(db.dataSource());

        assertThat(standings.of(quiet)).isEqualTo(CustomerStanding.UNKNOWN);
        assertThat(standings.of(busy)).isEqualTo(new CustomerStanding(false, true, T0.minus(Duration.ofDays(1))));
        assertThat(standings.of(resolved)).isEqualTo(new CustomerStanding(true, false, null));
        assertThat(standings.of(424242)).isEqualTo(CustomerStanding.UNKNOWN);
    }
}
