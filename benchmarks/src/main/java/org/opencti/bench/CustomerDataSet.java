package org.opencti.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A generated customer base for the lookup benchmark, loaded into a PostgreSQL schema of its own (after the Flyway
 * migrations) with COPY. Deterministic: customer {@code i} (1..N) has the id {@code i}, the primary number
 * {@link #primaryPhone(long)}, a second number ({@link #secondPhone(long)}) for 40 % of them, the account number
 * {@link #accountNumber(long)} for 90 % ({@link #hasAccount(long)}), one to five past interactions for 20 %, a consent
 * for 30 % and an open case for 5 %; the rest (names, tier, value, flags) is drawn from a seeded random.
 * So the benchmark can pick existing and unknown numbers without reading them back.
 *
 * <p>Refuses a schema that already holds customers (unless it holds exactly the number asked for: then it was loaded
 * before and nothing is done). The schema is left in place afterwards; {@code DROP SCHEMA name CASCADE} removes it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.opencti.bench.CustomerDataSet [customers] [schema]
 * [jdbcUrl] [user]}; defaults 1,000,000, {@code bench_customers}, the local test database, {@code postgres}; the
 * password, if any, from {@code CTI_PG_PASSWORD}.
 */
public final class CustomerDataSet {
    public static final String DEFAULT_SCHEMA = "bench_customers";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final int DEFAULT_CUSTOMERS = 1_000_000;
    /** A schema name goes into SQL as an identifier (it cannot be a parameter), so only plain names are taken. */
    private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final int CHUNK_BYTES = 1 << 20;
    private static final Instant HISTORY_END = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] FIRST = {"Alice", "Bob", "Carmen", "David", "Elena", "Farid", "Grace", "Hiroshi",
        "Ines", "Jamal", "Katrin", "Luis", "Mei", "Nikos", "Olga", "Pedro", "Quinn", "Rosa", "Samir", "Tanya"};
    private static final String[] LAST = {"Moreno", "Stone", "Okafor", "Schmidt", "Rossi", "Kowalski", "Nguyen",
        "Haddad", "Silva", "Murphy", "Yilmaz", "Johansson", "Tanaka", "Dubois", "Garcia", "Novak"};
    private static final String[] TIERS = {"Bronze", "Bronze", "Silver", "Silver", "Gold", "Platinum"};
    private static final String[] LANGUAGES = {"en", "en", "en", "es", "fr", "de"};
    private static final String[] CHANNELS = {"voice", "sms", "email", "chat"};
    private static final String[] QUEUES = {"billing", "support", "sales"};
    private static final String[] OUTCOMES = {"ANSWERED", "ANSWERED", "ANSWERED", "ABANDONED", "TRANSFERRED"};

    private CustomerDataSet() {
    }

    public static String primaryPhone(long i) {
        return "+1" + (2_020_000_000L + i);
    }

    public static boolean hasSecondPhone(long i) {
        return i % 5 < 2;
    }

    public static String secondPhone(long i) {
        return "+44" + (2_070_000_000L + i);
    }

    /** A number no generated customer has (same shape as the primary numbers, another range). */
    public static String unknownPhone(long i) {
        return "+1" + (3_030_000_000L + i);
    }

    public static boolean hasAccount(long i) {
        return i % 10 != 0;
    }

    public static String accountNumber(long i) {
        return Long.toString(100_000_000L + i);
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_CUSTOMERS;
        String schema = args.length > 1 ? args[1] : DEFAULT_SCHEMA;
        String url = args.length > 2 ? args[2] : DEFAULT_URL;
        String user = args.length > 3 ? args[3] : "postgres";
        long started = System.nanoTime();
        long loaded = load(url, user, System.getenv("CTI_PG_PASSWORD"), schema, customers, 42);
        System.out.printf("schema %s holds %,d customers (%.1f s)%n", schema, loaded, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Migrates {@code schema} and fills it with {@code customers} customers; returns how many it holds. Refuses a schema
     * that already holds a different number of customers, naming it and how to clear it.
     */
    public static long load(String url, String user, String password, String schema, int customers, long seed)
        throws SQLException {
        Objects.requireNonNull(url, "url");
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain lower-case name ([a-z_][a-z0-9_]*): " + schema);
        }
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1: " + customers);
        }
        try (PostgresDatabase db = new PostgresDatabase(url, user, password, 2, schema, null)) {
            DataSource ds = db.dataSource();
            long existing = count(ds, "customers");
            if (existing == customers) {
                System.out.printf("schema %s already holds %,d customers: nothing to do%n", schema, existing);
                return existing;
            }
            if (existing > 0 || count(ds, "interactions") > 0) {
                throw new IllegalStateException("schema " + schema + " already holds " + existing + " customers, not "
                    + customers + "; drop it first (DROP SCHEMA " + schema + " CASCADE) or name another schema");
            }
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                copy(c, "customers (id, salutation, first_name, last_name, tier, account_number, email, preferred_language, "
                    + "preferred_channel, preferred_contact_time, vip, churn_risk, lifetime_value, acquisition_cost, balance, "
                    + "account_manager)", customers, seed, CustomerDataSet::customerRow);
                copy(c, "customer_phones (customer_id, e164, position)", customers, seed, CustomerDataSet::phoneRows);
                copy(c, "interactions (interaction_key, customer_id, caller_number, channel, queue, agent_id, started_at, "
                    + "answered_at, ended_at, outcome)", customers, seed, CustomerDataSet::interactionRows);
                copy(c, "customer_consents (customer_id, channel, opted_in, updated_at)", customers, seed,
                    CustomerDataSet::consentRows);
                copy(c, "customer_cases (customer_id, kind, status, summary, opened_at)", customers, seed,
                    CustomerDataSet::caseRows);
                try (Statement s = c.createStatement()) {
                    // ids were given explicitly: the sequences must continue after them for the server's own inserts
                    s.execute("SELECT setval(pg_get_serial_sequence('customers', 'id'), " + customers + ")");
                }
                c.commit();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // fresh statistics and visibility map, so the planner and index-only scans see the real table
                    for (String table : new String[] {"customers", "customer_phones", "interactions", "customer_consents",
                        "customer_cases"}) {
                        s.execute("VACUUM ANALYZE " + table);
                    }
                }
            }
            return count(ds, "customers");
        }
    }

    @FunctionalInterface
    private interface Rows {
        /** Appends customer {@code i}'s rows (tab-separated, \N for null, one per line) with {@code random}. */
        void append(StringBuilder out, long i, SplittableRandom random);
    }

    /** COPY FROM STDIN in 1 MB chunks; each table draws from its own stream of the seed, so tables are independent. */
    private static void copy(Connection c, String target, int customers, long seed, Rows rows) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed ^ target.hashCode());
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        try {
            StringBuilder out = new StringBuilder(CHUNK_BYTES + 4096);
            for (long i = 1; i <= customers; i++) {
                rows.append(out, i, random);
                if (out.length() >= CHUNK_BYTES) {
                    write(in, out);
                }
            }
            write(in, out);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void write(CopyIn in, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    private static void customerRow(StringBuilder out, long i, SplittableRandom r) {
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        boolean email = r.nextInt(2) == 0;
        long lifetime = r.nextLong(500_000);
        row(out, i, r.nextInt(3) == 0 ? "\\N" : (r.nextBoolean() ? "Ms" : "Mr"), first, last, TIERS[r.nextInt(TIERS.length)],
            hasAccount(i) ? accountNumber(i) : "\\N",
            email ? first.toLowerCase() + "." + last.toLowerCase() + i + "@example.com" : "\\N",
            LANGUAGES[r.nextInt(LANGUAGES.length)], CHANNELS[r.nextInt(CHANNELS.length)],
            r.nextInt(4) == 0 ? "09:00-12:00" : "\\N", r.nextInt(50) == 0, r.nextInt(20) == 0,
            money(lifetime), money(r.nextLong(20_000)), money(r.nextLong(-5_000, 50_000)),
            r.nextInt(100) == 0 ? "100" + r.nextInt(10) : "\\N");
    }

    private static void phoneRows(StringBuilder out, long i, SplittableRandom r) {
        row(out, i, primaryPhone(i), 0);
        if (hasSecondPhone(i)) {
            row(out, i, secondPhone(i), 1);
        }
    }

    private static void interactionRows(StringBuilder out, long i, SplittableRandom r) {
        if (i % 5 != 3) {
            return;
        }
        int calls = 1 + r.nextInt(5);
        for (int k = 0; k < calls; k++) {
            Instant started = HISTORY_END.minusSeconds(r.nextLong(365L * 24 * 3600));
            boolean answered = r.nextInt(5) != 0;
            row(out, "bench-" + i + "-" + k, i, primaryPhone(i), "PJSIP/trunk-" + Long.toHexString(i * 8 + k),
                QUEUES[r.nextInt(QUEUES.length)], answered ? "10" + (10 + r.nextInt(90)) : "\\N", started,
                answered ? started.plusSeconds(5 + r.nextInt(60)) : "\\N", started.plusSeconds(60 + r.nextInt(900)),
                answered ? OUTCOMES[r.nextInt(OUTCOMES.length)] : "ABANDONED");
        }
    }

    private static void consentRows(StringBuilder out, long i, SplittableRandom r) {
        if (i % 10 < 3) {
            row(out, i, r.nextBoolean() ? "sms" : "email", r.nextBoolean(), HISTORY_END.minusSeconds(r.nextLong(86_400 * 90)));
        }
    }

    private static void caseRows(StringBuilder out, long i, SplittableRandom r) {
        if (i % 20 == 7) {
            row(out, i, r.nextBoolean() ? "issue" : "complaint", "open", "Generated case " + i,
                HISTORY_END.minusSeconds(r.nextLong(86_400 * 30)));
        }
    }

    private static String money(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    private static void row(StringBuilder out, Object... values) {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append('\t');
            }
            out.append(values[k] instanceof Boolean b ? (b ? "t" : "f") : values[k]);
        }
        out.append('\n');
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** For the benchmark: how many generated customers the schema holds (their ids are 1..N). */
    static long customersIn(DataSource ds) throws SQLException {
        return count(ds, "customers");
    }
}
