package org.opencti.core.report;

import java.util.List;

/** Campaign results: per campaign and bin, and per disposition within them. */
public record CampaignReport(List<CampaignIntervalRow> campaigns, List<CampaignDispositionRow> dispositions) {
    public CampaignReport {
        campaigns = List.copyOf(campaigns);
        dispositions = List.copyOf(dispositions);
    }
}
