package org.opencti.dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignStore} does; run on PostgreSQL and in memory. */
public abstract class CampaignStoreContract {
    protected abstract CampaignStore store();

    @Test
    void aSavedCampaignReadsBackWithEveryFieldItsRulesAndItsDispositionsInOrder() {
        Campaign saved = store().save(Campaigns.full("Winter renewals"));

        assertThat(saved.id()).isPositive();
        assertThat(store().find(saved.id())).contains(saved);
        assertThat(saved.disposition("sale").orElseThrow().value()).isEqualByComparingTo("120.50");
        assertThat(store().find(saved.id()).orElseThrow().dispositions()).extracting(Disposition::code)
            .containsExactly("sale", "dnc", "callback");
    }

    @Test
    void defaultsAreThreePercentAndTheStandardDispositionSet() {
        Campaign saved = store().save(Campaigns.allDay("Defaults"));

        Campaign read = store().find(saved.id()).orElseThrow();
        assertThat(read.abandonLimitPercent()).isEqualByComparingTo("3");
        assertThat(read.mode()).isEqualTo(DialMode.PROGRESSIVE);
        assertThat(read.disposition("dnc").orElseThrow().has(Disposition.Flag.DNC_REQUEST)).isTrue();
        assertThat(read.eligibility()).isEqualTo(Eligibility.DEFAULT);
        assertThat(read.callingHours()).isEqualTo(CallingHours.DEFAULT);
        assertThat(read.schedule().hours()).as("00:00-24:00 reads back to the end of the day").hasToString("00:00-24:00")
            .isEqualTo(saved.schedule().hours());
    }

    @Test
    void savingAgainReplacesTheRulesWhole() {
        Campaign saved = store().save(Campaigns.full("Edited"));
        Campaign edited = new Campaign(saved.id(), saved.name(), DialMode.PREVIEW, saved.assignment(), saved.callerId(),
            saved.schedule(), saved.callingHours(), new BigDecimal("1.00"), List.of(new RetryRule(CallOutcome.NO_ANSWER, 5,
                Duration.ofHours(1))), false, saved.safeHarbourMessage(), saved.script(), List.of(saved.dispositions().get(1)),
            List.of(), saved.eligibility(), 0);

        store().save(edited);

        assertThat(store().find(saved.id())).contains(edited);
        assertThat(store().all()).hasSize(1);
    }

    @Test
    void aDuplicateNameOrAnUnknownIdIsRefusedAndNothingChanges() {
        Campaign first = store().save(Campaigns.allDay("Taken"));

        assertThatThrownBy(() -> store().save(Campaigns.full("Taken"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Taken");
        assertThatThrownBy(() -> store().save(Campaigns.allDay("Ghost").withId(999))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("999");
        assertThat(store().all()).containsExactly(first);
    }

    @Test
    void allListsByName() {
        store().save(Campaigns.allDay("b"));
        store().save(Campaigns.allDay("a"));

        assertThat(store().all()).extracting(Campaign::name).containsExactly("a", "b");
        assertThat(store().find(12345)).isEmpty();
    }
}
