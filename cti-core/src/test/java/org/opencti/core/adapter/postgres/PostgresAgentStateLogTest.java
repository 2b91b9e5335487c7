package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opencti.core.adapter.contract.AgentStateLogContract;
import org.opencti.core.port.AgentStateLog;

class PostgresAgentStateLogTest extends AgentStateLogContract {
    private static PostgresTestSchema db;
    private PostgresAgentStateLog log;

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
        db.truncate("agent_state_history");
        log = new PostgresAgentStateLog(db.dataSource());
    }

    @Override
    protected AgentStateLog log() {
        return log;
    }

    @Override
    protected List<String> stored() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT agent_id, state, reason FROM agent_state_history ORDER BY changed_at, seq")) {
            while (rows.next()) {
                out.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
