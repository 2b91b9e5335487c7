package org.opencti.dialer.compliance;

import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.dialer.lead.CsvReader;
import org.opencti.dialer.lead.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a national do-not-call register (a regulator's file, CSV with a header naming a {@code phone} column; other
 * columns are ignored) and replaces what the lists hold for that register with its numbers, normalised to E.164 in the
 * centre's region. Bad rows are reported by line and skipped; a number listed twice is loaded once. The file is
 * refused whole, and the register left as it was, when it has no usable header, more rows than the limit, no good row
 * at all, or more bad rows than the limit's share: a wrong file (another country's, a lead list) must not empty a
 * register that calls are being checked against.
 */
public final class NationalRegisterImporter {
    private static final Logger LOG = LoggerFactory.getLogger(NationalRegisterImporter.class);
    private static final Set<String> PHONE_COLUMNS = Set.of("phone", "phone_number", "number");
    private static final int MAX_FIELD_CHARS = 64;

    /**
     * At most {@code maxRows} rows; refused when more than {@code maxBadShare} of the rows are bad; at most
     * {@code maxReported} bad rows listed in the answer (all are counted).
     */
    public record Limits(int maxRows, double maxBadShare, int maxReported) {
        public static final Limits DEFAULT = new Limits(1_000_000, 0.10, 1_000);

        public Limits {
            if (maxRows < 1 || maxBadShare < 0 || maxBadShare > 1 || maxReported < 1) {
                throw new IllegalArgumentException("national register limits: at least 1 row, a share 0-1, at least 1 reported");
            }
        }
    }

    /** What an import did: rows read, numbers now on the register, repeats, bad rows (the first ones listed). */
    public record Result(String registry, int rows, int loaded, int duplicates, int rejectedCount, List<Rejection> rejected) {
        public Result {
            rejected = List.copyOf(rejected);
        }
    }

    private final DncLists lists;
    private final PhoneNumbers numbers;
    private final Limits limits;
    private final Clock clock;

    public NationalRegisterImporter(DncLists lists, String defaultRegion, Limits limits, Clock clock) {
        this.lists = lists;
        this.numbers = new PhoneNumbers(defaultRegion);
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Reads the whole file, then replaces the register.
     *
     * @throws RegisterFileException when the file is refused whole (nothing changed)
     */
    public Result importCsv(String registry, String importedBy, Reader csv) {
        DncLists.checkRegistry(registry);
        CsvReader reader = new CsvReader(csv, MAX_FIELD_CHARS);
        int phone = header(reader);
        Set<String> good = new LinkedHashSet<>();
        List<Rejection> reported = new ArrayList<>();
        int rows = 0;
        int bad = 0;
        int duplicates = 0;
        for (Optional<CsvReader.CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
            CsvReader.CsvRecord record = next.get();
            if (record.isBlank()) {
                continue;
            }
            if (++rows > limits.maxRows()) {
                throw new RegisterFileException("the file has more than " + limits.maxRows() + " rows (line " + record.line()
                    + "); nothing was changed: split the register into parts with names of their own");
            }
            Rejection rejection = reason(record, phone);
            if (rejection != null) {
                if (++bad <= limits.maxReported()) {
                    reported.add(rejection);
                }
            } else if (!good.add(numbers.toE164(record.fields().get(phone)).orElseThrow())) {
                duplicates++;
            }
        }
        if (good.isEmpty()) {
            throw new RegisterFileException("the file has no usable number (" + rows + " rows, " + bad + " bad); nothing was changed");
        }
        if (bad > rows * limits.maxBadShare()) {
            throw new RegisterFileException(bad + " of " + rows + " rows are bad (more than " + Math.round(limits.maxBadShare() * 100)
                + " %): is this the right file, for this centre's region? Nothing was changed; first bad row: line "
                + reported.get(0).line() + ", " + reported.get(0).reason());
        }
        int loaded = lists.importNational(registry, good, importedBy, clock.instant());
        LOG.info("national do-not-call register {} imported by {}: {} numbers from {} rows, {} bad, {} repeated", registry,
            importedBy, loaded, rows, bad, duplicates);
        return new Result(registry, rows, loaded, duplicates, bad, reported);
    }

    private static int header(CsvReader reader) {
        Optional<CsvReader.CsvRecord> first = reader.next();
        if (first.isEmpty() || first.get().isBlank() || first.get().error() != null) {
            throw new RegisterFileException("line 1: the file must start with a header row naming a phone column");
        }
        List<String> names = first.get().fields();
        for (int i = 0; i < names.size(); i++) {
            String raw = i == 0 && names.get(i).startsWith("\uFEFF") ? names.get(i).substring(1) : names.get(i);
            if (PHONE_COLUMNS.contains(raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'))) {
                return i;
            }
        }
        throw new RegisterFileException("line 1: the header must name a phone column (phone, phone_number or number); it has "
            + String.join(", ", names));
    }

    private Rejection reason(CsvReader.CsvRecord record, int phone) {
        if (record.error() != null) {
            return new Rejection(record.line(), "row", record.error());
        }
        if (record.fields().size() <= phone || record.fields().get(phone).isBlank()) {
            return new Rejection(record.line(), "phone", "missing");
        }
        String raw = record.fields().get(phone);
        if (numbers.toE164(raw).isEmpty()) {
            return new Rejection(record.line(), "phone", "not a phone number: \"" + raw + "\"");
        }
        return null;
    }

    /** The file is refused whole: nothing was changed. */
    public static final class RegisterFileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public RegisterFileException(String message) {
            super(message);
        }
    }
}
