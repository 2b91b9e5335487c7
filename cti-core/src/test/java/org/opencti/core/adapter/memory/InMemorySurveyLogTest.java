package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.SurveyLogContract;
import org.opencti.core.port.SurveyLog;

class InMemorySurveyLogTest extends SurveyLogContract {
    private final InMemorySurveyLog log = new InMemorySurveyLog();

    @Override
    protected SurveyLog log() {
        return log;
    }
}
