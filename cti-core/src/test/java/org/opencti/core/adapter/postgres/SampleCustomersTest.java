package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerAccounts;

class SampleCustomersTest {
    private static PostgresTestSchema db;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void theSamplesAreBelievableAndTheirNumbersE164() {
        List<Customer> demo = SampleCustomers.demo();
        PhoneNumbers numbers = new PhoneNumbers("US");

        assertThat(demo).hasSizeBetween(6, 10);
        assertThat(demo.get(0).phoneNumbers().get(0)).isEqualTo(SampleCustomers.FIRST_NUMBER);
        assertThat(demo).extracting(Customer::tier).containsOnly("Gold", "Silver", "Bronze");
        assertThat(demo).extracting(Customer::accountNumber).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(demo).flatExtracting(Customer::phoneNumbers).doesNotHaveDuplicates()
            .allSatisfy(n -> {
                assertThat(n).matches(Pattern.compile("^\\+1[2-9][0-9]{2}5550[0-9]{3}$"));
                assertThat(numbers.toE164(n)).contains(n);
            });
        assertThat(demo).allSatisfy(c -> assertThat(c.id()).isZero());
    }

    @Test
    void seedingTwiceIntoPostgresStoresEachSampleOnce() {
        PostgresCustomerDirectory directory = new PostgresCustomerDirectory(db.dataSource());

        SampleCustomers.seed(directory);
        SampleCustomers.seed(directory);

        assertThat(db.count("customers")).isEqualTo(SampleCustomers.demo().size());
        for (Customer sample : SampleCustomers.demo()) {
            Customer found = directory.findByPhone(sample.phoneNumbers().get(0), 0).orElseThrow().customer();
            assertThat(found).usingRecursiveComparison().ignoringFields("id").isEqualTo(sample);
        }
    }

    @Test
    void seedingTwiceIntoMemoryStoresEachSampleOnce() {
        InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory(new InMemoryInteractionLog());

        SampleCustomers.seed(directory);
        SampleCustomers.seed(directory);

        Customer last = SampleCustomers.demo().get(SampleCustomers.demo().size() - 1);
        assertThat(directory.findByPhone(last.phoneNumbers().get(0), 0).orElseThrow().customer().id())
            .isEqualTo(SampleCustomers.demo().size());
    }

    @Test
    void theSeededSamplesGiveTheDemoIvrSomethingOnEveryPath() {
        InMemoryCustomerDirectory memory = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        db.empty();
        PostgresCustomerDirectory postgres = new PostgresCustomerDirectory(db.dataSource());
        for (CustomerAccounts directory : List.of(memory, postgres)) {
            SampleCustomers.seed(directory);
            Instant now = Instant.parse("2026-11-25T12:00:00Z");

            CustomerProfile alice = directory.findByAccount("100234", 0).orElseThrow();
            assertThat(alice.customer().value().balance()).isNotNull();
            assertThat(alice.hasOpenComplaint()).isTrue();
            assertThat(directory.verifyPin("100234", SampleCustomers.PIN, now)).isEqualTo(PinCheck.VERIFIED);
            assertThat(directory.findOrder("100234", "500170").orElseThrow().status())
                .isEqualTo(CustomerOrder.Status.SHIPPED);
            assertThat(directory.findOrder("100487", "500170")).isEmpty();
            assertThat(directory.findByAccount("100562", 0).orElseThrow().openCases()).hasSize(1);
            for (Customer sample : SampleCustomers.demo()) {
                assertThat(sample.value().balance()).as(sample.accountNumber()).isNotNull();
                assertThat(directory.verifyPin(sample.accountNumber(), "0000", now)).isEqualTo(PinCheck.WRONG);
            }
        }
    }
}
