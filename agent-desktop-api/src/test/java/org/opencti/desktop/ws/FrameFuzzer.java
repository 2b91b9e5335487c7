package org.opencti.desktop.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates malformed and borderline desktop frames from valid ones, reproducibly from a seed: random bytes,
 * truncated and unbalanced JSON, deep nesting, huge numbers, NaN-like values, wrong types for every field,
 * unknown and duplicate fields, control characters, unicode and lone surrogates, empty and overlong frames.
 */
public final class FrameFuzzer {
    private static final List<String> FIELDS = List.of("type", "token", "reason");
    private static final List<String> TYPES = List.of("auth", "ready", "notReady", "ping");
    private static final String[] ODD_VALUES = {
        "NaN", "-NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "null", "true", "false", "0", "-0", "1e999999",
        "-1e-999999", "1.7976931348623157E309", "0x1F", "01", "1.", ".5", "+1", "[]", "{}", "[null]", "{\"type\":\"ping\"}",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uD83D\\uDE00\"", "\"\\x41\"", "\"\\u12\"",
        "undefined", "'ping'", "\"ping", "ping\"", "9223372036854775808", "-9223372036854775809", "1E400", "[[[]]]",
    };
    private static final String[] ODD_CHARS = {
        "\u0000", "\u0001", "\u001f", "\u007f", "\t", "\n", "\r", "\b", "\f", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\u00e9", "\u4e2d", "\u0301", "\\", "\"", "{", "}", "[", "]", ":", ",",
    };

    private final SplittableRandom random;
    private final int maxUtf8Bytes;

    /** Frames of at most {@code maxUtf8Bytes} bytes once encoded as UTF-8 (lone surrogates become one byte '?'). */
    public FrameFuzzer(long seed, int maxUtf8Bytes) {
        this.random = new SplittableRandom(seed);
        this.maxUtf8Bytes = maxUtf8Bytes;
    }

    public SplittableRandom random() {
        return random;
    }

    /** A valid frame of a random type (the auth token is made up). */
    public String valid() {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        StringBuilder sb = new StringBuilder("{\"type\":\"").append(type).append('"');
        if (type.equals("auth") || random.nextInt(8) == 0) {
            sb.append(",\"token\":\"").append(word(1 + random.nextInt(40))).append('"');
        }
        if (type.equals("notReady") || random.nextInt(8) == 0) {
            sb.append(",\"reason\":\"").append(word(random.nextInt(30))).append('"');
        }
        return sb.append('}').toString();
    }

    /** A mutation of a valid frame: one to three mutations stacked, within the size bound. */
    public String next() {
        String frame = valid();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            frame = mutate(frame);
        }
        return fit(frame);
    }

    private String mutate(String f) {
        return switch (random.nextInt(22)) {
            case 0 -> randomChars(random.nextInt(64));
            case 1 -> f.substring(0, random.nextInt(f.length() + 1));
            case 2 -> f.substring(random.nextInt(f.length() + 1));
            case 3 -> insert(f, "{[\"}],:".charAt(random.nextInt(7)) + "");
            case 4 -> deepNesting();
            case 5 -> setField(f, FIELDS.get(random.nextInt(3)), ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            case 6 -> setField(f, FIELDS.get(random.nextInt(3)), wrongType());
            case 7 -> setField(f, word(1 + random.nextInt(12)), wrongType());
            case 8 -> insert(f, ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
            case 9 -> random.nextBoolean() ? "" : " \t\r\n".repeat(random.nextInt(4));
            case 10 -> setField(f, FIELDS.get(1 + random.nextInt(2)), "\"" + "x".repeat(190 + random.nextInt(30)) + "\"");
            case 11 -> setField(f, FIELDS.get(random.nextInt(3)), "\"" + hugeDigits() + "\"");
            case 12 -> setField(f, FIELDS.get(random.nextInt(3)), hugeDigits());
            case 13 -> flip(f);
            case 14 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            case 15 -> f + f.substring(0, random.nextInt(f.length() + 1));
            case 16 -> setField(f, "type", "\"" + TYPES.get(random.nextInt(4)) + ODD_CHARS[random.nextInt(ODD_CHARS.length)] + "\"");
            case 17 -> setField(f, escapes(), "1");
            case 18 -> setField(f, FIELDS.get(random.nextInt(3)), "\"" + escapes() + "\"");
            case 19 -> nearLimit(f);
            case 20 -> f.replace("\"", random.nextBoolean() ? "'" : "");
            default -> "[" + f + "]";
        };
    }

    private String wrongType() {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Double.toString(random.nextDouble() * 1e300);
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> "[\"ping\"," + random.nextInt(9) + "]";
            case 5 -> "{\"type\":\"ping\"}";
            case 6 -> "[]";
            default -> "{}";
        };
    }

    private String deepNesting() {
        String open = random.nextBoolean() ? "[" : "{\"type\":";
        // Past Jackson's nesting limit (1000) when the size bound allows it.
        int depth = 1 + random.nextInt(Math.max(2, Math.min(5000, (maxUtf8Bytes - 16) / (2 * open.length()))));
        String close = open.equals("[") ? "]" : "}";
        StringBuilder sb = new StringBuilder();
        sb.append(open.repeat(depth)).append(random.nextBoolean() ? "\"ping\"" : "1");
        if (random.nextBoolean()) {
            sb.append(close.repeat(depth - random.nextInt(depth)));
        }
        return sb.toString();
    }

    private String hugeDigits() {
        // Up to a little past Jackson's limit on a number's length (1000 digits).
        int n = 1 + random.nextInt(Math.min(1200, Math.max(10, maxUtf8Bytes - 40)));
        String block = Long.toString(Long.MAX_VALUE - (random.nextLong() & Long.MAX_VALUE) / 2);
        StringBuilder sb = new StringBuilder(n + 8).append(random.nextBoolean() ? "-" : "");
        sb.append(block.repeat(n / block.length() + 1), 0, n);
        if (random.nextBoolean()) {
            sb.append(random.nextBoolean() ? ".5" : "e" + random.nextInt(100_000));
        }
        return sb.toString();
    }

    private String escapes() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(switch (random.nextInt(6)) {
                case 0 -> "\\u" + String.format("%04x", 0xD800 + random.nextInt(0x800));
                case 1 -> "\\u" + String.format("%04x", random.nextInt(0x20));
                case 2 -> "\\n\\t\\\"\\\\\\/";
                case 3 -> "\\q";
                case 4 -> ODD_CHARS[random.nextInt(ODD_CHARS.length)];
                default -> "\\u00";
            });
        }
        return sb.toString();
    }

    private String nearLimit(String f) {
        int room = maxUtf8Bytes - f.length() - 20;
        if (room <= 0 || !f.startsWith("{")) {
            return f;
        }
        String pad = "y".repeat(Math.max(0, room - random.nextInt(Math.min(room, 64) + 1)));
        return "{\"reason\":\"" + pad + "\"," + f.substring(1);
    }

    private String setField(String f, String field, String rawValue) {
        String member = "\"" + field + "\":" + rawValue;
        int brace = f.indexOf('{');
        if (brace < 0) {
            return "{" + member + "}";
        }
        boolean empty = f.indexOf('}', brace) == brace + 1;
        return f.substring(0, brace + 1) + member + (empty ? "" : ",") + f.substring(brace + 1);
    }

    private String insert(String f, String s) {
        int at = random.nextInt(f.length() + 1);
        return f.substring(0, at) + s + f.substring(at);
    }

    private String flip(String f) {
        if (f.isEmpty()) {
            return randomChars(1);
        }
        char[] chars = f.toCharArray();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    private String randomChars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80));
        }
        return sb.toString();
    }

    private String word(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String fit(String frame) {
        if (utf8Length(frame) <= maxUtf8Bytes) {
            return frame;
        }
        String cut = frame.substring(0, Math.min(frame.length(), maxUtf8Bytes / 3));
        return utf8Length(cut) <= maxUtf8Bytes ? cut : "";
    }

    /** What the peer receives: the UTF-8 encoding turns each lone surrogate into '?'. */
    public static String overTheWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** For messages: at most 200 characters, anything outside printable ASCII escaped. */
    public static String printable(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
        StringBuilder sb = new StringBuilder();
        shown.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
