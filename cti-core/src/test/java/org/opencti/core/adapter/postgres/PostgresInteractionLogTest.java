package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.InteractionLogContract;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

class PostgresInteractionLogTest extends InteractionLogContract {
    private static PostgresTestSchema db;
    private PostgresInteractionLog log;
    private PostgresCustomerDirectory directory;

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
        log = new PostgresInteractionLog(db.dataSource());
        directory = new PostgresCustomerDirectory(db.dataSource());
    }

    @Override
    protected InteractionLog log() {
        return log;
    }

    @Override
    protected CustomerDirectory directory() {
        return directory;
    }

    @Override
    protected int storedInteractions() {
        return db.count("interactions");
    }

    @Test
    void anUnknownCustomerIdIsRefusedByName() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        InteractionRecord orphan = new InteractionRecord("call-x", 777L, null, null, null, null, t0, null,
            t0.plusSeconds(3), "ABANDONED");

        assertThatThrownBy(() -> log.record(orphan))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("777");
        assertThat(storedInteractions()).isZero();
    }
}
