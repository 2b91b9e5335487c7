package org.opencti.dialer.campaign;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an agent records at the end of an attempt: a code from the campaign's set, its worth, and what it implies. */
public record Disposition(String code, String label, BigDecimal value, Set<Flag> flags) {
    private static final Pattern CODE = Pattern.compile("^[a-z0-9_-]{1,32}$");

    public Disposition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("disposition code must be 1-32 of a-z, 0-9, _ or -, not \"" + code + "\"");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("disposition " + code + ": label must not be blank");
        }
        value = Money.cents("disposition " + code + ": value", value == null ? BigDecimal.ZERO : value);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public enum Flag {
        /** The person asked not to be called again: the number goes on the internal do-not-call list at once. */
        DNC_REQUEST,
        /** A callback was agreed. */
        CALLBACK,
        /** Counts as a sale in the campaign's figures. */
        SALE,
        /** The lead is finished: no retry. */
        FINAL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Flag of(String word) {
            return Words.parse(Flag.class, "disposition flag", word);
        }
    }

    public static Disposition of(String code, String label, String value, Flag... flags) {
        return new Disposition(code, label, new BigDecimal(value), flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags));
    }

    /** The set most campaigns start from. */
    public static java.util.List<Disposition> standardSet() {
        return java.util.List.of(
            of("sale", "Sale", "0", Flag.SALE, Flag.FINAL),
            of("no-sale", "No sale", "0", Flag.FINAL),
            of("callback", "Callback", "0", Flag.CALLBACK),
            of("wrong-number", "Wrong number", "0", Flag.FINAL),
            of("dnc", "Do not call", "0", Flag.DNC_REQUEST, Flag.FINAL));
    }

    @Override
    public String toString() {
        return code + (flags.isEmpty() ? "" : flags.stream().map(Flag::word).sorted().toList().toString().toLowerCase(Locale.ROOT));
    }
}
