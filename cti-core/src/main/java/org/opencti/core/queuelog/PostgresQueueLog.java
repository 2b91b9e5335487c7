package org.opencti.core.queuelog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue log in PostgreSQL's {@code queue_log} table (migration V2), laid out like Asterisk's realtime queue_log
 * table ({@code time, callid, queuename, agent, event, data1..data5}) so queue_log reporting tools can read it.
 * Absent data fields are stored as empty strings, as Asterisk stores them.
 *
 * <p>Exactly once: each row carries {@code entry_key} ({@link #entryKey}), unique, and the insert is
 * {@code ON CONFLICT (entry_key) DO NOTHING}; so appending the same entry again, or retrying a batch whose commit
 * took effect although the connection failed before saying so, writes nothing twice.
 *
 * <p>Batches of up to 500 rows, one transaction each, from the background writer. While PostgreSQL is down the
 * entries wait in the bounded buffer (see {@link BackgroundQueueLog}) and are written, in order, once it is back.
 * A row PostgreSQL refuses for its values (SQLSTATE class 22 or 23) is skipped, counted ({@link #rejected}) and
 * logged, so one bad entry cannot hold up the ones behind it.
 */
public final class PostgresQueueLog extends BackgroundQueueLog {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresQueueLog.class);
    private static final String INSERT = """
        INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5, entry_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (entry_key) DO NOTHING
        """;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final AtomicLong rejected = new AtomicLong();

    public PostgresQueueLog(DataSource dataSource) {
        this(dataSource, DEFAULT_CAPACITY, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * @param capacity     how many entries may wait (e.g. through an outage) before appends are refused (and counted)
     * @param closeTimeout how long {@link #close} keeps trying to write what is buffered
     */
    public PostgresQueueLog(DataSource dataSource, int capacity, Duration closeTimeout) {
        super("cti-queue-log-postgres", "queue_log table", capacity, closeTimeout);
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        start();
    }

    /**
     * The row's identity: the SHA-256 (hex) of {@code epochMicros|callid|queuename|agent|event|data1|...}, i.e. of
     * everything in the entry, time to the microsecond. The same entry always has the same key; entries that differ
     * in anything (two PAUSEs of one agent in two queues at one instant, say) have different keys. Hashed so that
     * long values cannot exceed PostgreSQL's limit on an index row; the fields are unambiguous joined by '|' because
     * entries contain no '|'.
     */
    public static String entryKey(QueueLogEntry entry) {
        StringBuilder canonical = new StringBuilder(128)
            .append(ChronoUnit.MICROS.between(Instant.EPOCH, entry.time())).append('|')
            .append(entry.callId()).append('|')
            .append(entry.queue()).append('|')
            .append(entry.agent()).append('|')
            .append(entry.event().name());
        for (String field : entry.data()) {
            canonical.append('|').append(field);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Entries PostgreSQL refused for their values, skipped so the rest could be written. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    void write(List<QueueLogEntry> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                insertTogether(connection, batch);
            } catch (SQLException e) {
                if (!refusesValues(e)) {
                    throw e;
                }
                insertOneByOne(connection, batch);
            }
        }
    }

    @Override
    void release() {
        // the DataSource belongs to whoever gave it
    }

    private void insertTogether(Connection connection, List<QueueLogEntry> batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (QueueLogEntry entry : batch) {
                bind(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    /** Each row on its own, so a row refused for its values costs only itself. */
    private void insertOneByOne(Connection connection, List<QueueLogEntry> batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (QueueLogEntry entry : batch) {
                bind(insert, entry);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!refusesValues(e)) {
                        throw e;
                    }
                    rejected.incrementAndGet();
                    LOG.error("queue_log table refused {} (SQLSTATE {}); skipped: {}", QueueLogFormat.line(entry),
                        e.getSQLState(), e.getMessage());
                }
            }
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    private static void bind(PreparedStatement insert, QueueLogEntry entry) throws SQLException {
        insert.setObject(1, entry.time().atOffset(ZoneOffset.UTC));
        insert.setString(2, entry.callId());
        insert.setString(3, entry.queue());
        insert.setString(4, entry.agent());
        insert.setString(5, entry.event().name());
        List<String> data = entry.data();
        for (int i = 0; i < QueueLogEntry.MAX_DATA_FIELDS; i++) {
            insert.setString(6 + i, i < data.size() ? data.get(i) : "");
        }
        insert.setString(11, entryKey(entry));
    }

    /** Data exception (class 22) or integrity violation (class 23): retrying the same values cannot help. */
    private static boolean refusesValues(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the connection is broken; the pool will discard it, and the caller already has the first error
            LOG.debug("could not restore autocommit on a queue_log connection", e);
        }
    }
}
