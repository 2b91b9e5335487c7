package org.opencti.dialer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.store.TestDatabase;

/** Two servers (two pools) claiming from one list at once over the real PostgreSQL. */
class PostgresLeadClaimConcurrencyTest {
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final int LEADS = 2_000;
    private static TestDatabase db;
    private static PostgresDatabase secondServer;
    private long campaign;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
        secondServer = db.anotherPool();
    }

    @AfterAll
    static void close() {
        secondServer.close();
        db.close();
    }

    @BeforeEach
    void aBigList() {
        db.empty();
        campaign = new PostgresCampaignStore(db.dataSource()).save(Campaigns.allDay("Shared")).id();
        List<NewLead> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(Leads.lead("+1555%07d".formatted(i), i % 10));
        }
        new PostgresLeadStore(db.dataSource()).addList(campaign, "shared", leads, 0, NOW);
    }

    @Test
    void twoServersClaimingTogetherNeverGetTheSameLeadAndTogetherGetEveryLead() throws Exception {
        var a = new PostgresLeadStore(db.dataSource());
        var b = new PostgresLeadStore(secondServer.dataSource());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> byA = pool.submit(() -> drain(a, "node-a", start, campaign));
            Future<List<Long>> byB = pool.submit(() -> drain(b, "node-b", start, campaign));
            start.countDown();
            List<Long> idsA = byA.get(60, TimeUnit.SECONDS);
            List<Long> idsB = byB.get(60, TimeUnit.SECONDS);

            Set<Long> all = new HashSet<>(idsA);
            all.addAll(idsB);
            assertThat(idsA).doesNotHaveDuplicates();
            assertThat(idsB).doesNotHaveDuplicates();
            assertThat(all).hasSize(idsA.size() + idsB.size()).hasSize(LEADS);
            assertThat(claimedByCount("node-a")).isEqualTo(idsA.size());
            assertThat(claimedByCount("node-b")).isEqualTo(idsB.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> drain(LeadStore store, String node, CountDownLatch start, long campaign) throws InterruptedException {
        start.await();
        List<Long> mine = new ArrayList<>();
        for (List<Lead> batch = store.claim(campaign, node, 7, NOW, Duration.ofMinutes(5)); !batch.isEmpty();
             batch = store.claim(campaign, node, 7, NOW, Duration.ofMinutes(5))) {
            batch.forEach(l -> mine.add(l.id()));
        }
        return mine;
    }

    @Test
    void aClaimSkipsRowsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
        try (Connection other = db.raw()) {
            other.setAutoCommit(false);
            Set<Long> held = new HashSet<>();
            // another server's claim in flight: the three best leads locked, not yet committed
            try (PreparedStatement s = other.prepareStatement(
                "SELECT id FROM leads WHERE campaign_id = ? ORDER BY priority DESC, id LIMIT 3 FOR UPDATE")) {
                s.setLong(1, campaign);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(r.getLong(1));
                    }
                }
            }

            List<Lead> claimed = CompletableFuture.supplyAsync(() -> new PostgresLeadStore(db.dataSource())
                .claim(campaign, "node-b", 5, NOW, Duration.ofMinutes(5))).get(10, TimeUnit.SECONDS);

            assertThat(held).hasSize(3);
            assertThat(claimed).hasSize(5).extracting(Lead::id).doesNotContainAnyElementsOf(held);
            assertThat(claimed).allSatisfy(l -> assertThat(l.priority()).isEqualTo(9));
            other.rollback();
        }
    }

    private int claimedByCount(String node) throws Exception {
        try (Connection c = db.raw(); PreparedStatement s = c.prepareStatement(
            "SELECT count(*) FROM leads WHERE claimed_by = ? AND status = 'in_progress'")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
