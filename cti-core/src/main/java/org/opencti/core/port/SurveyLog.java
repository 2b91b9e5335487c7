package org.opencti.core.port;

import java.util.List;
import org.opencti.core.survey.Satisfaction;
import org.opencti.core.survey.SurveyAnswer;

/** Post-call survey answers, stored once per call and question (a replay writes nothing twice). May block. */
public interface SurveyLog {
    /** @return true when stored now, false when this call's question was already answered */
    boolean record(SurveyAnswer answer);

    List<Satisfaction> byAgent();

    List<Satisfaction> byQueue();
}
