package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DispositionChoice;
import org.opencti.core.time.ManualScheduler;

/** Each agent's open campaign notice, kept for a page that reconnects, and when it stops being open. */
class CampaignNoticesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
    private static final CampaignLead LEAD = new CampaignLead(42, "+12025550111", "Ana", "Ruiz", null);
    private final ManualScheduler time = new ManualScheduler(T0);
    private final CampaignNotices notices = new CampaignNotices(time.clock());

    private static DesktopEvent.CampaignPreview preview(String agent, long campaign, long lead) {
        return new DesktopEvent.CampaignPreview(agent, T0, campaign, "Renewals", new CampaignLead(lead, "+12025550111", "Ana", null,
            null), null, "Hello", T0.plusSeconds(60));
    }

    private static DesktopEvent.CampaignConnected connected(String agent, long campaign, long attempt) {
        return new DesktopEvent.CampaignConnected(agent, T0, campaign, "Renewals", "o-1.1", attempt, LEAD, "Hello",
            List.of(new DispositionChoice("sale", "Sale", true, false, false)));
    }

    @Test
    void aPreviewIsKeptUntilItIsOverAndOnlyThatAgentsOwn() {
        notices.shown(preview("2001", 7, 42));
        notices.shown(new DesktopEvent.AgentStateChanged("2001", T0, AgentState.READY, null));

        assertThat(notices.of("2001")).containsExactly(preview("2001", 7, 42));
        assertThat(notices.of("2002")).isEmpty();
        notices.previewOver("2001", 7, 43);
        notices.previewOver("2001", 8, 42);
        assertThat(notices.of("2001")).as("another lead or campaign").hasSize(1);

        notices.previewOver("2001", 7, 42);
        assertThat(notices.of("2001")).isEmpty();
    }

    @Test
    void aPreviewPastItsAnswerByIsNotSentAgain() {
        notices.shown(preview("2001", 7, 42));
        time.advance(Duration.ofSeconds(59));
        assertThat(notices.of("2001")).hasSize(1);

        time.advance(Duration.ofSeconds(1));

        assertThat(notices.of("2001")).isEmpty();
    }

    @Test
    void aConnectedCallIsKeptUntilItsDispositionAndReplacesThePreviewThatLedToIt() {
        notices.shown(preview("2001", 7, 42));
        notices.shown(connected("2001", 7, 9));
        notices.previewOver("2001", 7, 42); // the dial's answer arriving late clears no connected call

        assertThat(notices.of("2001")).containsExactly(connected("2001", 7, 9));
        notices.disposed("2001", 7, 8);
        assertThat(notices.of("2001")).as("another attempt").hasSize(1);
        notices.disposed("2001", 7, 9);
        assertThat(notices.of("2001")).isEmpty();
    }

    @Test
    void theCampaignLettingTheAgentGoClearsOnlyItsOwnNotice() {
        notices.shown(connected("2001", 7, 9));
        notices.released("2001", 8);
        assertThat(notices.of("2001")).hasSize(1);

        notices.released("2001", 7);

        assertThat(notices.of("2001")).isEmpty();
    }
}
