package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.ivr.tree.MenuTreeLoader;

/** {@code check --config}: the shipped sample menu fits the shipped sample configuration, and the recordings are listed. */
class IvrCheckTest {

    private static ContactCentreConfig sampleWith(Path menu) throws Exception {
        return ConfigLoader.parse(ConfigLoader.sampleText() + "\nivrMenuFile: " + menu + "\n", "sample.yaml",
            Map.of("CTI_AMI_SECRET", "s", "CTI_PG_PASSWORD", "p"));
    }

    private static Path sampleMenu(Path dir) throws Exception {
        Path menu = dir.resolve("menu.yaml");
        try (InputStream in = MenuTreeLoader.class.getResourceAsStream("sample-menu.yaml")) {
            Files.write(menu, in.readAllBytes());
        }
        return menu;
    }

    @Test
    void theSampleMenuFitsTheSampleCentreAndItsRecordingsAreListed(@TempDir Path dir) throws Exception {
        List<String> lines = IvrSetup.check(sampleWith(sampleMenu(dir)));

        assertThat(lines.get(0)).startsWith("IVR: 1 menu trees,");
        assertThat(lines).contains("  en/main-menu", "  es/main-menu", "  en/invalid", "  es/enter-pin", "  order-status/shipped");
    }

    @Test
    void aMenuNamingAQueueTheCentreLacksIsRefusedWithTheNode(@TempDir Path dir) throws Exception {
        Path menu = sampleMenu(dir);
        Files.writeString(menu, Files.readString(menu).replace("queue: billing", "queue: billling"));

        assertThatThrownBy(() -> IvrSetup.check(sampleWith(menu))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("trees.main.nodes.billingAgent.queue: unknown queue \"billling\"");
    }
}
