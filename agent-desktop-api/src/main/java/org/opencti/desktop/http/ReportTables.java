package org.opencti.desktop.http;

import java.util.List;
import org.opencti.core.report.AgentRow;
import org.opencti.core.report.AgentStateIntervalRow;
import org.opencti.core.report.CampaignDispositionRow;
import org.opencti.core.report.CampaignIntervalRow;
import org.opencti.core.report.AgentStateRow;
import org.opencti.core.report.FcrRow;
import org.opencti.core.report.QueueIntervalRow;
import org.opencti.core.report.SatisfactionRow;

/** The historical reports as tables, column names as in the JSON. */
final class ReportTables {
    private ReportTables() {
    }

    static ReportTable queues(List<QueueIntervalRow> rows) {
        ReportTable t = ReportTable.of("bin", "queue", "tier", "offered", "answered", "abandoned", "left",
            "answeredWithinThreshold", "serviceLevelPercent", "asaSeconds", "ahtSeconds", "averageHoldSeconds", "transfers");
        for (QueueIntervalRow r : rows) {
            t.add(r.bin(), r.queue(), r.tier(), r.offered(), r.answered(), r.abandoned(), r.left(),
                r.answeredWithinThreshold(), r.serviceLevelPercent(), r.asaSeconds(), r.ahtSeconds(), r.averageHoldSeconds(),
                r.transfers());
        }
        return t;
    }

    static ReportTable agents(List<AgentRow> rows) {
        ReportTable t = ReportTable.of("agentId", "handled", "talkSeconds", "holdSeconds", "wrapSeconds", "ahtSeconds",
            "loggedInSeconds", "pausedSeconds", "occupancyPercent", "surveyAnswers", "averageScore", "satisfactionIndex");
        for (AgentRow r : rows) {
            t.add(r.agentId(), r.handled(), r.talkSeconds(), r.holdSeconds(), r.wrapSeconds(), r.ahtSeconds(),
                r.loggedInSeconds(), r.pausedSeconds(), r.occupancyPercent(), r.surveyAnswers(), r.averageScore(),
                r.satisfactionIndex());
        }
        return t;
    }

    static ReportTable states(List<AgentStateRow> rows) {
        ReportTable t = ReportTable.of("agentId", "state", "seconds");
        for (AgentStateRow r : rows) {
            t.add(r.agentId(), r.state(), r.seconds());
        }
        return t;
    }

    static ReportTable agentStates(List<AgentStateIntervalRow> rows) {
        ReportTable t = ReportTable.of("bin", "agentId", "state", "reason", "minutes", "seconds");
        for (AgentStateIntervalRow r : rows) {
            t.add(r.bin(), r.agentId(), r.state(), r.reason(), Math.round(r.minutes() * 100) / 100.0, r.seconds());
        }
        return t;
    }

    static ReportTable campaigns(List<CampaignIntervalRow> rows) {
        ReportTable t = ReportTable.of("bin", "campaignId", "campaign", "attempts", "connects", "abandoned", "machines", "noAnswer",
            "busy", "failed", "dialling", "connectPercent", "dispositioned", "value");
        for (CampaignIntervalRow r : rows) {
            t.add(r.bin(), r.campaignId(), r.campaign(), r.attempts(), r.connects(), r.abandoned(), r.machines(), r.noAnswer(),
                r.busy(), r.failed(), r.dialling(), r.connectPercent(), r.dispositioned(), r.value());
        }
        return t;
    }

    static ReportTable dispositions(List<CampaignDispositionRow> rows) {
        ReportTable t = ReportTable.of("bin", "campaignId", "campaign", "disposition", "label", "count", "value");
        for (CampaignDispositionRow r : rows) {
            t.add(r.bin(), r.campaignId(), r.campaign(), r.disposition(), r.label(), r.count(), r.value());
        }
        return t;
    }

    static ReportTable fcr(List<FcrRow> rows) {
        ReportTable t = ReportTable.of("dimension", "key", "answered", "contacts", "resolved", "fcrPercent", "unidentified",
            "transferred", "transferPercent");
        for (FcrRow r : rows) {
            t.add(r.dimension(), r.key(), r.answered(), r.contacts(), r.resolved(), r.fcrPercent(), r.unidentified(),
                r.transferred(), r.transferPercent());
        }
        return t;
    }

    static ReportTable satisfaction(List<SatisfactionRow> rows) {
        ReportTable t = ReportTable.of("bin", "dimension", "key", "answers", "averageScore", "index");
        for (SatisfactionRow r : rows) {
            t.add(r.bin(), r.dimension(), r.key(), r.answers(), r.averageScore(), r.index());
        }
        return t;
    }
}
