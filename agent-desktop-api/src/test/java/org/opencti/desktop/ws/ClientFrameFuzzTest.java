package org.opencti.desktop.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientFrame#parse} on 200,000 generated inputs (the wire-level fuzz sends another 100,000): a valid frame or
 * a {@link FrameError}, nothing else. The
 * inputs come in chunks, each from its own seed derived from the printed one, so the chunks run on all cores and
 * a failure is reproducible with {@code -Dfuzz.seed=N}.
 */
class ClientFrameFuzzTest {
    private static final int CHUNKS = 8;
    private static final int PER_CHUNK = 25_000;
    private static final Set<String> TYPES = Set.of("auth", "ready", "notReady", "ping", "extension");

    @Test
    void parseOnlyEverReturnsAValidFrameOrThrowsFrameError() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ClientFrameFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        AtomicInteger valid = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        long started = System.nanoTime();
        List<String> failures = IntStream.range(0, CHUNKS).parallel()
            .mapToObj(chunk -> fuzz(chunk, new FrameFuzzer(seed + chunk * 0x9E3779B97F4A7C15L, 4096), valid, cpuNanos))
            .filter(Objects::nonNull).toList();
        System.out.printf("ClientFrameFuzzTest: %d inputs, %d valid, %d ms (%d ms of CPU)%n", CHUNKS * PER_CHUNK,
            valid.get(), (System.nanoTime() - started) / 1_000_000, cpuNanos.get() / 1_000_000);
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(valid.get()).as("the valid frames mixed in still parse").isGreaterThanOrEqualTo(CHUNKS * PER_CHUNK / 100);
    }

    /** The first failure of a chunk, or null. */
    private static String fuzz(int chunk, FrameFuzzer fuzzer, AtomicInteger valid, AtomicLong cpuNanos) {
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            return fuzz(chunk, fuzzer, valid);
        } finally {
            cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private static String fuzz(int chunk, FrameFuzzer fuzzer, AtomicInteger valid) {
        for (int i = 0; i < PER_CHUNK; i++) {
            String input = i % 100 == 0 ? fuzzer.valid() : fuzzer.next();
            String where = "chunk " + chunk + " #" + i + " ";
            try {
                ClientFrame f = ClientFrame.parse(input);
                valid.incrementAndGet();
                String problem = !TYPES.contains(f.type()) ? "type " + f.type()
                    : f.type().equals("auth") && (f.token() == null || f.token().isEmpty()) ? "auth without a token"
                    : f.token() != null && f.token().length() > 200 ? "token too long"
                    : f.type().equals("extension") && (f.extension() == null || f.extension().isEmpty()) ? "extension frame without one"
                    : f.extension() != null && f.extension().length() > 200 ? "extension too long"
                    : f.reason() != null && f.reason().length() > 200 ? "reason too long" : null;
                if (problem != null) {
                    return where + "accepted with " + problem + ": " + FrameFuzzer.printable(input);
                }
            } catch (FrameError e) {
                if (e.field() == null || e.getMessage() == null) {
                    return where + "error without a field or message: " + FrameFuzzer.printable(input);
                }
            } catch (Throwable t) {
                return where + t + ": " + FrameFuzzer.printable(input);
            }
        }
        return null;
    }
}
