package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListLevelsTest {
    @Test
    void aListIsFlaggedAndAnnouncedOnceWhenItsDialableLeadsFallToTheThreshold() {
        var store = new InMemoryLeadStore();
        Instant now = Instant.parse("2026-03-02T15:00:00Z");
        long list = store.addList(1, "l", List.of(Leads.lead("+15551230001", 0), Leads.lead("+15551230002", 0),
            Leads.lead("+15551230003", 0), Leads.lead("+15551230004", 0)), 0, now).listId();
        List<ListLevels.ListRunningLow> events = new ArrayList<>();
        var levels = new ListLevels(store, events::add, java.time.Clock.fixed(now, ZoneOffset.UTC));

        store.claim(1, "n", 1, now, Duration.ofMinutes(1));
        assertThat(levels.check(1, 2)).as("3 left, threshold 2").isZero();
        store.claim(1, "n", 1, now, Duration.ofMinutes(1));
        assertThat(levels.check(1, 2)).isEqualTo(1);
        store.claim(1, "n", 1, now, Duration.ofMinutes(1));
        assertThat(levels.check(1, 2)).isZero();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.listId()).isEqualTo(list);
            assertThat(e.dialable()).isEqualTo(2);
            assertThat(e.threshold()).isEqualTo(2);
        });
        assertThat(store.listStatus(list).orElseThrow().lowSince()).isEqualTo(now);
    }
}
