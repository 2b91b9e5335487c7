package org.opencti.core.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryCustomerDirectory;
import org.opencti.core.adapter.memory.InMemoryInteractionLog;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;

/**
 * Readers on several threads while a writer keeps changing the same customers: every read is a version that was
 * written, and once the writer is done every lookup, from the cache or not, gives the last one.
 */
class CachingCustomerDirectoryConcurrencyTest {
    private static final int CUSTOMERS = 20;
    private static final int VERSIONS = 150;
    private static final int READERS = 4;

    @Test
    void readsDuringWritesSeeOnlyWrittenVersionsAndEndOnTheLast() throws Exception {
        InMemoryCustomerDirectory store = new InMemoryCustomerDirectory(new InMemoryInteractionLog());
        CachingCustomerDirectory cache = new CachingCustomerDirectory(store);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(cache.save(new Customer(0, null, "C" + i, "Test", "v0", "AC-" + i, List.of(phone(i)))));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int reads = 0;
                    while (writing.get() || reads < 1_000) {
                        int i = ThreadLocalRandom.current().nextInt(CUSTOMERS);
                        CustomerProfile p = (reads % 2 == 0 ? cache.findByPhone(phone(i), 5)
                            : cache.findByAccount("AC-" + i, 5)).orElse(null);
                        if (p == null || p.customer().id() != customers.get(i).id() || !p.customer().tier().startsWith("v")) {
                            wrong.add(i + ": " + p);
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int v = 1; v <= VERSIONS; v++) {
                    for (Customer c : customers) {
                        cache.save(new Customer(c.id(), null, c.firstName(), "Test", "v" + v, c.accountNumber(),
                            c.phoneNumbers()));
                    }
                }
                return null;
            });
            start.countDown();
            writer.get(60, TimeUnit.SECONDS);
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wrong).isEmpty();
        for (int i = 0; i < CUSTOMERS; i++) {
            assertThat(cache.findByPhone(phone(i), 5).orElseThrow().customer().tier()).isEqualTo("v" + VERSIONS);
            assertThat(cache.findByAccount("AC-" + i, 5).orElseThrow().customer().tier()).isEqualTo("v" + VERSIONS);
            assertThat(cache.findByPhone(phone(i), 5)).isEqualTo(store.findByPhone(phone(i), 5));
        }
        assertThat(cache.stats().hits()).isPositive();
    }

    private static String phone(int i) {
        return "+1202555" + String.format("%04d", i);
    }
}
