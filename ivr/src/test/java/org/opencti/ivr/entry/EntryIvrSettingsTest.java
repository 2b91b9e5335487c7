package org.opencti.ivr.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryIvrSettingsTest {

    @Test
    void theStandardMenu() {
        EntryIvr.Settings standard = EntryIvr.Settings.standard();
        assertThat(standard.options()).containsExactly(
                Map.entry("1", new EntryIvr.Option("billing", "billing")),
                Map.entry("2", new EntryIvr.Option("support", "support")),
                Map.entry("3", new EntryIvr.Option("spanish-support", "support-es")));
        assertThat(standard.maxAttempts()).isEqualTo(3);
        assertThat(standard.digitTimeoutMs()).isEqualTo(5000);
        assertThat(standard.defaultQueue()).isEqualTo("support");
        assertThat(standard.holdContext()).isEqualTo("cti-hold");
    }

    @Test
    void invalidSettingsAreRefused() {
        Map<String, EntryIvr.Option> one = Map.of("1", new EntryIvr.Option("billing", "billing"));
        assertThatThrownBy(() -> new EntryIvr.Settings("g", "m", Map.of("12", new EntryIvr.Option("q", "i")), 3, 5000, "q", "h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThatThrownBy(() -> new EntryIvr.Settings("g", "m", one, 0, 5000, "q", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryIvr.Settings("g", "m", one, 3, 0, "q", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryIvr.Settings("g", "m", one, 3, 5000, " ", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryIvr.Option("", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
