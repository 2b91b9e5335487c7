package org.opencti.dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.store.TestDatabase;

class PostgresCampaignStatesTest extends CampaignStatesContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.empty();
    }

    @Override
    protected CampaignStore campaigns() {
        return new PostgresCampaignStore(db.dataSource());
    }

    @Override
    protected CampaignStates states() {
        return new PostgresCampaignStates(db.dataSource());
    }

    @Test
    void ofEightStartsAtOnceExactlyOneWins() throws Exception {
        long id = campaigns().save(Campaigns.allDay("Raced")).id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String who = "300" + i;
                starts.add(() -> {
                    try {
                        states().move(id, Set.of(CampaignState.DRAFT), CampaignState.RUNNING, who, T0);
                        return true;
                    } catch (IllegalStateException e) {
                        return false;
                    }
                });
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(starts)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
