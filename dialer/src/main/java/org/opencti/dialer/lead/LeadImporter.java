package org.opencti.dialer.lead;

import java.io.Reader;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.dialer.campaign.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a CSV lead file into a campaign: a header row naming at least {@code phone} (optional {@code first_name},
 * {@code last_name}, {@code time_zone}, {@code priority}, {@code preferred_time}, {@code external_id}), numbers
 * normalised to E.164 in the contact centre's region. Bad rows are reported by line with the field and the reason
 * and the good rows are loaded; a number already in the file, or in any of the campaign's lists, is not loaded again.
 * A file over the row limit, or without a usable header, is refused whole and nothing is loaded.
 */
public final class LeadImporter {
    private static final Logger LOG = LoggerFactory.getLogger(LeadImporter.class);
    private static final Map<String, String> ALIASES = Map.ofEntries(
        Map.entry("phone", "phone"), Map.entry("phone_number", "phone"), Map.entry("number", "phone"),
        Map.entry("first_name", "first_name"), Map.entry("firstname", "first_name"),
        Map.entry("last_name", "last_name"), Map.entry("lastname", "last_name"),
        Map.entry("time_zone", "time_zone"), Map.entry("timezone", "time_zone"), Map.entry("tz", "time_zone"),
        Map.entry("priority", "priority"),
        Map.entry("preferred_time", "preferred_time"), Map.entry("preferred_contact_time", "preferred_time"),
        Map.entry("external_id", "external_id"));
    static final int MAX_PRIORITY = 99;

    private final LeadStore store;
    private final CustomerLookup customers;
    private final PhoneNumbers numbers;
    private final Limits limits;
    private final Clock clock;

    /** At most {@code maxRows} data rows per file, each field at most {@code maxFieldChars} characters. */
    public record Limits(int maxRows, int maxFieldChars) {
        public static final Limits DEFAULT = new Limits(100_000, 200);

        public Limits {
            if (maxRows < 1 || maxFieldChars < 16) {
                throw new IllegalArgumentException("lead import limits must allow 1 row and 16 characters: " + maxRows + ", "
                    + maxFieldChars);
            }
        }
    }

    public LeadImporter(LeadStore store, CustomerLookup customers, String defaultRegion, Limits limits, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.numbers = new PhoneNumbers(defaultRegion);
        this.limits = limits;
        this.clock = clock;
    }

    /** Reads the whole file, then loads its good rows into a new list of the campaign. */
    public ImportResult importCsv(long campaignId, String listName, Reader csv) {
        CsvReader reader = new CsvReader(csv, limits.maxFieldChars());
        Map<String, Integer> columns = header(reader);
        List<Rejection> rejected = new ArrayList<>();
        Map<String, NewLead> good = new LinkedHashMap<>();
        int rows = 0;
        for (Optional<CsvReader.CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
            CsvReader.CsvRecord record = next.get();
            if (record.isBlank()) {
                continue;
            }
            if (++rows > limits.maxRows()) {
                throw new LeadFileException("the file has more than " + limits.maxRows() + " rows (line " + record.line()
                    + "); nothing was loaded: split it");
            }
            row(record, columns).ifPresentOrElse(lead -> {
                NewLead first = good.get(lead.e164());
                if (first != null) {
                    rejected.add(new Rejection(record.line(), "phone", "duplicate: " + lead.e164() + " is already on line "
                        + first.line()));
                } else {
                    good.put(lead.e164(), lead);
                }
            }, () -> rejected.add(reason(record, columns)));
        }
        Set<String> existing = store.existingNumbers(campaignId, good.keySet());
        List<NewLead> fresh = new ArrayList<>();
        for (NewLead lead : good.values()) {
            if (existing.contains(lead.e164())) {
                rejected.add(new Rejection(lead.line(), "phone", "duplicate: " + lead.e164() + " is already in this campaign's lists"));
            } else {
                fresh.add(lead);
            }
        }
        LeadStore.Loaded loaded = store.addList(campaignId, listName, fresh, rejected.size(), clock.instant());
        for (NewLead lead : fresh) {
            // another import of the same numbers may have won between the check and the insert
            if (!loaded.loaded().contains(lead.e164())) {
                rejected.add(new Rejection(lead.line(), "phone", "duplicate: " + lead.e164() + " is already in this campaign's lists"));
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(Rejection::line));
        LOG.info("campaign {} list {} ({}): {} leads loaded, {} rows rejected", campaignId, loaded.listId(), listName,
            loaded.loaded().size(), rejected.size());
        return new ImportResult(loaded.listId(), loaded.loaded().size(), rejected);
    }

    private Map<String, Integer> header(CsvReader reader) {
        Optional<CsvReader.CsvRecord> first = reader.next();
        if (first.isEmpty() || first.get().isBlank()) {
            throw new LeadFileException("line 1: the file must start with a header row naming at least a phone column");
        }
        if (first.get().error() != null) {
            throw new LeadFileException("line 1: the header row cannot be read: " + first.get().error());
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = first.get().fields();
        for (int i = 0; i < names.size(); i++) {
            // spreadsheets often start a UTF-8 file with a byte-order mark
            String raw = i == 0 && names.get(i).startsWith("\uFEFF") ? names.get(i).substring(1) : names.get(i);
            String name = ALIASES.get(raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            if (name != null && columns.putIfAbsent(name, i) != null) {
                throw new LeadFileException("line 1: column " + name + " appears twice in the header");
            }
        }
        if (!columns.containsKey("phone")) {
            throw new LeadFileException("line 1: the header must name a phone column (phone, phone_number or number); it has "
                + names.stream().collect(Collectors.joining(", ")));
        }
        return columns;
    }

    /** The lead this row makes, or empty when it is bad ({@link #reason} then says why). */
    private Optional<NewLead> row(CsvReader.CsvRecord record, Map<String, Integer> columns) {
        if (reason(record, columns) != null) {
            return Optional.empty();
        }
        String e164 = numbers.toE164(field(record, columns, "phone")).orElseThrow();
        String zone = field(record, columns, "time_zone");
        String priority = field(record, columns, "priority");
        String preferred = field(record, columns, "preferred_time");
        return Optional.of(new NewLead(record.line(), e164, blankToNull(field(record, columns, "first_name")),
            blankToNull(field(record, columns, "last_name")), zone.isBlank() ? null : ZoneId.of(zone.trim()),
            priority.isBlank() ? 0 : Integer.parseInt(priority.trim()),
            preferred.isBlank() ? null : TimeWindow.parse("preferred_time", preferred),
            blankToNull(field(record, columns, "external_id")), customers.customerIdFor(e164).orElse(null)));
    }

    /** Why this row cannot be loaded, or null when it can. */
    private Rejection reason(CsvReader.CsvRecord record, Map<String, Integer> columns) {
        long line = record.line();
        if (record.error() != null) {
            return new Rejection(line, "row", record.error());
        }
        int expected = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (record.fields().size() < expected) {
            return new Rejection(line, "row", "has " + record.fields().size() + " fields, the header needs at least " + expected);
        }
        String phone = field(record, columns, "phone");
        if (phone.isBlank()) {
            return new Rejection(line, "phone", "missing");
        }
        if (numbers.toE164(phone).isEmpty()) {
            return new Rejection(line, "phone", "not a phone number: \"" + phone + "\"");
        }
        String zone = field(record, columns, "time_zone");
        if (!zone.isBlank()) {
            try {
                ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                return new Rejection(line, "time_zone", "unknown time zone \"" + zone + "\" (use a tz name such as America/New_York)");
            }
        }
        String priority = field(record, columns, "priority");
        if (!priority.isBlank() && !priority.trim().matches("\\d{1,2}")) {
            return new Rejection(line, "priority", "must be a whole number 0-" + MAX_PRIORITY + ", not \"" + priority + "\"");
        }
        String preferred = field(record, columns, "preferred_time");
        if (!preferred.isBlank()) {
            try {
                TimeWindow.parse("preferred_time", preferred);
            } catch (IllegalArgumentException e) {
                return new Rejection(line, "preferred_time", e.getMessage());
            }
        }
        return null;
    }

    private static String field(CsvReader.CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.fields().size() ? "" : record.fields().get(index);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
