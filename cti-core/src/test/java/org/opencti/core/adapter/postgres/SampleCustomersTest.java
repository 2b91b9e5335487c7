package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.PhoneNumbers;

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
}
