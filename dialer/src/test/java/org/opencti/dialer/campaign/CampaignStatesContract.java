package org.opencti.dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignStates} does; run on PostgreSQL and in memory. */
public abstract class CampaignStatesContract {
    static final Instant T0 = Instant.parse("2026-03-04T17:00:00Z");

    protected abstract CampaignStore campaigns();

    protected abstract CampaignStates states();

    @Test
    void aNewCampaignIsADraftThatNobodyChanged() {
        Campaign saved = campaigns().save(Campaigns.allDay("Fresh"));

        assertThat(states().status(saved.id())).contains(new CampaignStates.Status(saved.id(), CampaignState.DRAFT, null, null));
        assertThat(states().all()).containsOnlyKeys(saved.id());
        assertThat(states().status(999)).isEmpty();
    }

    @Test
    void aMoveChecksTheStateItLeavesAndRemembersWhoAndWhen() {
        long id = campaigns().save(Campaigns.allDay("Moving")).id();

        CampaignStates.Status left = states().move(id, CampaignState.Command.START.from(), CampaignState.RUNNING, "3001", T0);
        states().move(id, Set.of(CampaignState.RUNNING), CampaignState.PAUSED, "4001", T0.plusSeconds(60));

        assertThat(left.state()).isEqualTo(CampaignState.DRAFT);
        assertThat(states().status(id)).contains(new CampaignStates.Status(id, CampaignState.PAUSED, T0.plusSeconds(60), "4001"));
        assertThatThrownBy(() -> states().move(id, Set.of(CampaignState.RUNNING), CampaignState.PAUSED, "3001", T0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("paused");
        assertThat(states().status(id).orElseThrow().changedBy()).as("a refused move changes nothing").isEqualTo("4001");
        assertThatThrownBy(() -> states().move(999, EnumSet.allOf(CampaignState.class), CampaignState.RUNNING, "3001", T0))
            .isInstanceOf(NoSuchElementException.class).hasMessageContaining("999");
    }

    @Test
    void editingACampaignLeavesItsStateAlone() {
        Campaign saved = campaigns().save(Campaigns.allDay("Edited while running"));
        states().move(saved.id(), Set.of(CampaignState.DRAFT), CampaignState.RUNNING, "3001", T0);

        campaigns().save(Campaigns.full("Edited while running").withId(saved.id()));

        assertThat(states().status(saved.id()).orElseThrow().state()).isEqualTo(CampaignState.RUNNING);
    }
}
