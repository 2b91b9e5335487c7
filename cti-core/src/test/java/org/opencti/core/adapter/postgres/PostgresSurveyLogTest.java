package org.opencti.core.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.SurveyLogContract;
import org.opencti.core.port.SurveyLog;

class PostgresSurveyLogTest extends SurveyLogContract {
    private static PostgresTestSchema db;
    private PostgresSurveyLog log;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.empty();
        log = new PostgresSurveyLog(db.dataSource());
    }

    @Override
    protected SurveyLog log() {
        return log;
    }
}
