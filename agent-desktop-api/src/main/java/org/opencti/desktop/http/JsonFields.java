package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opencti.core.customer.InvalidFieldsException;

/**
 * Reading a JSON body field by field while collecting every mistake under the field's path ({@code schedule.days[2]}),
 * so one answer names them all. Each reader returns the value, or null after noting why it is bad; absent optional
 * fields give the fallback.
 */
abstract class JsonFields {
    private static final int CLIP = 40;
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Notes that the field at {@code path} is bad (the first reason per path stays); returns null for the caller's value. */
    protected final <T> T bad(String path, String reason) {
        errors.putIfAbsent(path.isEmpty() ? "$" : path, reason);
        return null;
    }

    protected final boolean has(String path) {
        return errors.containsKey(path);
    }

    /** Throws {@link InvalidFieldsException} with every noted field when there is any. */
    protected final void failIfBad() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    protected static String clip(String text) {
        return text.length() <= CLIP ? text : text.substring(0, CLIP) + "...";
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path;
    }

    /** Refuses, by name, every field of {@code o} outside {@code allowed}. */
    protected final void only(JsonObject o, String path, Set<String> allowed) {
        for (String name : o.fieldNames()) {
            if (!allowed.contains(name)) {
                bad(path.isEmpty() ? clip(name) : path + "." + clip(name), "unknown field");
            }
        }
    }

    protected final JsonObject object(Object value, String path, boolean required) {
        if (value instanceof JsonObject o) {
            return o;
        }
        return bad(path, value == null && required ? "required, an object" : "must be an object");
    }

    protected final String text(JsonObject o, String key, String path, boolean required, int max) {
        Object value = o.getValue(key);
        if (value == null) {
            return required ? bad(at(path, key), "required, a string") : null;
        }
        if (!(value instanceof String s) || required && s.isBlank()) {
            return bad(at(path, key), required ? "required, a string that is not blank" : "must be a string");
        }
        return s.length() > max ? bad(at(path, key), "at most " + max + " characters") : s;
    }

    /** A lower-case word parsed by {@code parser} (whose message lists the allowed ones); required when no fallback. */
    protected final <E> E word(JsonObject o, String key, String path, Function<String, E> parser, E fallback) {
        Object value = o.getValue(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            try {
                parser.apply(null);
            } catch (IllegalArgumentException e) {
                String allowed = allowed(e.getMessage());
                int not = allowed.lastIndexOf(", not ");
                return bad(path, (value == null ? "required; " : "") + (not < 0 ? allowed : allowed.substring(0, not)));
            }
            return bad(path, "required, a string");
        }
        return parse(s, path, parser);
    }

    protected final <E> E parse(String s, String path, Function<String, E> parser) {
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            return bad(path, allowed(e.getMessage()));
        }
    }

    /** "dialMode must be one of a, b, not "x"" without the record's own field name. */
    private static String allowed(String message) {
        int must = message.indexOf("must be");
        return must < 0 ? message : message.substring(must);
    }

    protected final Integer whole(JsonObject o, String key, String path, int min, int max, Integer fallback) {
        Object value = o.getValue(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        return bad(path, (value == null ? "required, " : "must be ") + "a whole number from " + min + " to " + max);
    }

    protected final boolean bool(JsonObject o, String key, String path, boolean fallback) {
        Object value = o.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        bad(path, "must be true or false");
        return fallback;
    }

    /** A number (or a numeric string) with at most two decimals, within [min, max]. */
    protected final BigDecimal decimal(JsonObject o, String key, String path, BigDecimal min, BigDecimal max, BigDecimal fallback) {
        Object value = o.getValue(key);
        if (value == null) {
            return fallback != null ? fallback : bad(path, "required, a number");
        }
        BigDecimal n = null;
        try {
            if (value instanceof Integer || value instanceof Long) {
                n = BigDecimal.valueOf(((Number) value).longValue());
            } else if (value instanceof BigInteger b) {
                n = new BigDecimal(b);
            } else if (value instanceof BigDecimal b) {
                n = b;
            } else if (value instanceof Number d) {
                // a JSON decimal arrives as a double: its shortest form is what was written
                n = BigDecimal.valueOf(d.doubleValue());
            } else if (value instanceof String s && s.strip().length() <= 20) {
                n = new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null) {
            return bad(path, "must be a number");
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return bad(path, "must be " + min.toPlainString() + " to " + max.toPlainString());
        }
        try {
            return n.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return bad(path, "at most two decimals, not " + n.toPlainString());
        }
    }

    /**
     * A list of at most {@code max} items, each read by {@code item} with its path ({@code retryRules[1]}); the fallback
     * when absent; null when the list or any item is bad.
     */
    protected final <T> List<T> list(JsonObject o, String key, String path, int max, BiFunction<Object, String, T> item,
                                     List<T> fallback) {
        Object value = o.getValue(key);
        if (value == null) {
            return fallback != null ? fallback : bad(path, "required, a list");
        }
        if (!(value instanceof JsonArray array)) {
            return bad(path, "must be a list");
        }
        if (array.size() > max) {
            return bad(path, "at most " + max + " items");
        }
        List<T> out = new ArrayList<>();
        boolean allGood = true;
        for (int i = 0; i < array.size(); i++) {
            T read = item.apply(array.getValue(i), path + "[" + i + "]");
            allGood &= read != null;
            out.add(read);
        }
        return allGood ? out : null;
    }
}
