package org.opencti.dialer.campaign;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.opencti.dialer.store.Sql;

/**
 * Campaigns in PostgreSQL (V9): the campaign row and its retry rules, contact caps and dispositions, written in one
 * transaction so a reader never sees half an edit.
 */
public final class PostgresCampaignStore implements CampaignStore {
    private static final String COLUMNS = "id, name, dial_mode, skill, agents, caller_id, time_zone, schedule_days, schedule_start,"
        + " schedule_end, calling_start, calling_end, default_start, default_end, abandon_limit_percent, amd, safe_harbour_message,"
        + " script, recent_order_days, skip_open_complaints, require_voice_consent, list_low_threshold";
    private final DataSource dataSource;

    public PostgresCampaignStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Campaign save(Campaign campaign) {
        return Sql.inTransaction(dataSource, "save campaign " + campaign.name(), c -> {
            long id = campaign.id() == 0 ? insert(c, campaign) : update(c, campaign);
            writeChildren(c, id, campaign);
            return campaign.withId(id);
        });
    }

    private long insert(Connection c, Campaign campaign) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO campaigns (" + COLUMNS.substring("id, ".length())
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            bind(c, s, campaign);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long update(Connection c, Campaign campaign) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE campaigns SET (" + COLUMNS.substring("id, ".length())
            + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?")) {
            bind(c, s, campaign);
            s.setLong(22, campaign.id());
            if (s.executeUpdate() == 0) {
                throw new IllegalArgumentException("no campaign with id " + campaign.id());
            }
        }
        for (String child : List.of("campaign_retry_rules", "campaign_contact_caps", "campaign_dispositions")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + child + " WHERE campaign_id = ?")) {
                s.setLong(1, campaign.id());
                s.executeUpdate();
            }
        }
        return campaign.id();
    }

    private static void bind(Connection c, PreparedStatement s, Campaign k) throws SQLException {
        s.setString(1, k.name());
        s.setString(2, k.mode().word());
        s.setString(3, k.assignment().skill());
        s.setArray(4, c.createArrayOf("text", k.assignment().agents().stream().sorted().toArray()));
        s.setString(5, k.callerId());
        s.setString(6, k.schedule().zone().getId());
        s.setArray(7, c.createArrayOf("int2", k.schedule().days().stream().sorted().map(d -> (short) d.getValue()).toArray()));
        // as LocalTime, not java.sql.Time: the driver keeps an end of 24:00 (LocalTime.MAX) as TIME 24:00:00
        s.setObject(8, k.schedule().hours().start());
        s.setObject(9, k.schedule().hours().end());
        s.setObject(10, k.callingHours().leadLocal().start());
        s.setObject(11, k.callingHours().leadLocal().end());
        s.setObject(12, k.callingHours().unknownZone().start());
        s.setObject(13, k.callingHours().unknownZone().end());
        s.setBigDecimal(14, k.abandonLimitPercent());
        s.setBoolean(15, k.amd());
        s.setString(16, k.safeHarbourMessage());
        s.setString(17, k.script());
        if (k.eligibility().recentOrderDays() == 0) {
            s.setNull(18, java.sql.Types.INTEGER);
        } else {
            s.setInt(18, k.eligibility().recentOrderDays());
        }
        s.setBoolean(19, k.eligibility().skipOpenComplaints());
        s.setBoolean(20, k.eligibility().requireVoiceConsent());
        s.setInt(21, k.listLowThreshold());
    }

    private static void writeChildren(Connection c, long id, Campaign k) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO campaign_retry_rules (campaign_id, outcome, max_attempts, delay_seconds) VALUES (?, ?, ?, ?)")) {
            for (RetryRule r : k.retryRules()) {
                s.setLong(1, id);
                s.setString(2, r.outcome().word());
                s.setInt(3, r.maxAttempts());
                s.setLong(4, r.delay().toSeconds());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO campaign_contact_caps (campaign_id, scope, max_attempts, period_seconds) VALUES (?, ?, ?, ?)")) {
            for (ContactCap cap : k.caps()) {
                s.setLong(1, id);
                s.setString(2, cap.scope().word());
                s.setInt(3, cap.maxAttempts());
                s.setLong(4, cap.period().toSeconds());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO campaign_dispositions (campaign_id, code, label, value, flags, position) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Disposition d : k.dispositions()) {
                s.setLong(1, id);
                s.setString(2, d.code());
                s.setString(3, d.label());
                s.setBigDecimal(4, d.value());
                s.setArray(5, c.createArrayOf("text", d.flags().stream().map(Disposition.Flag::word).sorted().toArray()));
                s.setShort(6, (short) position++);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Sql.query(dataSource, "find campaign " + id, c -> {
            List<Campaign> found = read(c, "SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", id);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<Campaign> all() {
        return Sql.query(dataSource, "list campaigns", c -> read(c, "SELECT " + COLUMNS + " FROM campaigns ORDER BY name"));
    }

    private static List<Campaign> read(Connection c, String sql, Object... params) throws SQLException {
        List<Campaign> campaigns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    campaigns.add(campaign(c, r));
                }
            }
        }
        return campaigns;
    }

    private static Campaign campaign(Connection c, ResultSet r) throws SQLException {
        long id = r.getLong("id");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object day : (Object[]) r.getArray("schedule_days").getArray()) {
            days.add(DayOfWeek.of(((Number) day).intValue()));
        }
        var schedule = new CampaignSchedule(ZoneId.of(r.getString("time_zone")), days,
            window(r, "schedule_start", "schedule_end"));
        var hours = new CallingHours(window(r, "calling_start", "calling_end"), window(r, "default_start", "default_end"));
        var assignment = new Assignment(strings(r.getArray("agents")), r.getString("skill"));
        var eligibility = new Eligibility(r.getInt("recent_order_days"), r.getBoolean("skip_open_complaints"),
            r.getBoolean("require_voice_consent"));
        return new Campaign(id, r.getString("name"), DialMode.of(r.getString("dial_mode")), assignment, r.getString("caller_id"),
            schedule, hours, r.getBigDecimal("abandon_limit_percent"), retryRules(c, id), r.getBoolean("amd"),
            r.getString("safe_harbour_message"), r.getString("script"), dispositions(c, id), caps(c, id), eligibility,
            r.getInt("list_low_threshold"));
    }

    private static TimeWindow window(ResultSet r, String start, String end) throws SQLException {
        return new TimeWindow(r.getObject(start, LocalTime.class), r.getObject(end, LocalTime.class));
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new HashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }

    private static List<RetryRule> retryRules(Connection c, long id) throws SQLException {
        List<RetryRule> rules = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
            "SELECT outcome, max_attempts, delay_seconds FROM campaign_retry_rules WHERE campaign_id = ? ORDER BY outcome")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rules.add(new RetryRule(CallOutcome.of(r.getString(1)), r.getInt(2), Duration.ofSeconds(r.getLong(3))));
                }
            }
        }
        return rules;
    }

    private static List<ContactCap> caps(Connection c, long id) throws SQLException {
        List<ContactCap> caps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT scope, max_attempts, period_seconds FROM campaign_contact_caps"
            + " WHERE campaign_id = ? ORDER BY scope, period_seconds")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    caps.add(new ContactCap(ContactCap.Scope.of(r.getString(1)), r.getInt(2), Duration.ofSeconds(r.getLong(3))));
                }
            }
        }
        return caps;
    }

    private static List<Disposition> dispositions(Connection c, long id) throws SQLException {
        List<Disposition> dispositions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
            "SELECT code, label, value, flags FROM campaign_dispositions WHERE campaign_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Set<Disposition.Flag> flags = EnumSet.noneOf(Disposition.Flag.class);
                    for (String flag : strings(r.getArray(4))) {
                        flags.add(Disposition.Flag.of(flag));
                    }
                    dispositions.add(new Disposition(r.getString(1), r.getString(2), r.getBigDecimal(3), flags));
                }
            }
        }
        return dispositions;
    }
}
