package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.config.ConfigLoader;
import org.opencti.core.queuelog.QueueLogEntry;

/** The stores a configuration asks for. */
class StoresTest {
    @Test
    void aConfiguredQueueLogFileGetsTheQueueLogInAsterisksFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queue_log");
        String yaml = ConfigLoader.sampleText() + "\nqueueLogFile: " + file + "\n";
        try (Stores stores = Stores.from(ConfigLoader.parse(yaml, "test.yaml", Map.of()), null)) {
            stores.queueLog().append(QueueLogEntry.addMember(Instant.ofEpochSecond(1795346158), "billing", "2001"));
            Await.until("the line is written", Duration.ofSeconds(10), () -> Files.exists(file) && size(file) > 0);
        }
        assertThat(Files.readAllLines(file)).containsExactly("1795346158|NONE|billing|2001|ADDMEMBER|");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
