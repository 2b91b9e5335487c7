package org.opencti.core.adapter.cache;

import java.util.Objects;

/**
 * One thing a write changed, as told to other nodes' caches: a customer (every lookup that found them), or the lookup
 * of one number or account number (whoever, or nobody, it found). On the wire: {@code TYPE value}, one line.
 */
public record CacheInvalidation(Type type, String value) {
    public enum Type { CUSTOMER, PHONE, ACCOUNT }

    public CacheInvalidation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("invalidation value must be one non-empty line: \"" + value + "\"");
        }
        if (type == Type.CUSTOMER) {
            try {
                Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("customer id is not a number: \"" + value + "\"", e);
            }
        }
    }

    public static CacheInvalidation customer(long id) {
        return new CacheInvalidation(Type.CUSTOMER, Long.toString(id));
    }

    public String wire() {
        return type + " " + value;
    }

    /** Reads {@link #wire()}; an IllegalArgumentException says what is wrong with the text. */
    public static CacheInvalidation parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("invalidation must be \"TYPE value\": \"" + text + "\"");
        }
        Type type;
        try {
            type = Type.valueOf(text.substring(0, space));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown invalidation type in \"" + text + "\"", e);
        }
        return new CacheInvalidation(type, text.substring(space + 1));
    }
}
