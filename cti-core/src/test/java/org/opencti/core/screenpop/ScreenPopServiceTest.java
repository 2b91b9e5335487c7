package org.opencti.core.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerDirectory;

class ScreenPopServiceTest {
    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        worker.shutdownNow();
    }

    private ScreenPop pop(CustomerDirectory directory, String number, Duration deadline) throws Exception {
        return new ScreenPopService(directory, new PhoneNumbers("US"), worker, deadline, registry).lookup(number)
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aKnownNationalNumberIsNormalisedAndFound() throws Exception {
        InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        directory.save(new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-1", List.of("+12025550143")));
        ScreenPop pop = pop(directory, "(202) 555-0143", Duration.ofSeconds(5));
        assertThat(pop.outcome()).isEqualTo(ScreenPop.Outcome.FOUND);
        assertThat(pop.e164()).isEqualTo("+12025550143");
        assertThat(pop.customer().orElseThrow().customer().lastName()).isEqualTo("Moreno");
        assertThat(registry.get("cti.screenpop.lookup").tag("outcome", "FOUND").timer().count()).isEqualTo(1);
    }

    @Test
    void unknownAndWithheldCallersGetAPopThatSaysSo() throws Exception {
        CustomerDirectory empty = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        assertThat(pop(empty, "4045550100", Duration.ofSeconds(5)).outcome()).isEqualTo(ScreenPop.Outcome.UNKNOWN_CALLER);
        assertThat(pop(empty, "<unknown>", Duration.ofSeconds(5)).outcome()).isEqualTo(ScreenPop.Outcome.NO_NUMBER);
        assertThat(pop(empty, "", Duration.ofSeconds(5)).outcome()).isEqualTo(ScreenPop.Outcome.NO_NUMBER);
    }

    @Test
    void aDatabaseSlowerThanTheDeadlineDegradesThePopToTheNumber() throws Exception {
        CustomerDirectory stuck = new CustomerDirectory() {
            @Override
            public Optional<CustomerProfile> findByPhone(String e164, int recent) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }

            @Override
            public Customer save(Customer customer) {
                return customer;
            }

            @Override
            public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
                return Optional.empty();
            }
        };
        ScreenPop pop = pop(stuck, "2025550143", Duration.ofMillis(50));
        assertThat(pop.outcome()).isEqualTo(ScreenPop.Outcome.DEGRADED);
        assertThat(pop.e164()).isEqualTo("+12025550143");
        assertThat(pop.customer()).isEmpty();
        assertThat(registry.get("cti.screenpop.lookup").tag("outcome", "DEGRADED").timer().count()).isEqualTo(1);
    }
}
