package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One AMI message (action, response or event): its headers in wire order. Header names are looked up
 * case-insensitively (Asterisk matches {@code action: ping} like {@code Action: Ping}); repeated names such
 * as {@code Variable:} or {@code Output:} are all kept, in order.
 *
 * @param headers        the {@code Name: value} lines, in order
 * @param malformedLines lines of an inbound frame that had no colon (never produced for outbound messages)
 */
public record AmiMessage(List<Header> headers, List<String> malformedLines) {

    /** One {@code Name: value} line. The value keeps trailing spaces; an empty value is written as {@code "Name: "}. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }

    public AmiMessage {
        headers = List.copyOf(headers);
        malformedLines = List.copyOf(malformedLines);
    }

    public AmiMessage(List<Header> headers) {
        this(headers, List.of());
    }

    /** A message from alternating names and values: {@code of("Action", "Ping", "ActionID", "1")}. */
    public static AmiMessage of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code name} (case-insensitive), or {@code null}. */
    public String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The first value of {@code name}, or {@code fallback} when absent or blank. */
    public String getOr(String name, String fallback) {
        String v = get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Every value of {@code name} (case-insensitive), in order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** The header names in order (repeats included). */
    public List<String> names() {
        return headers.stream().map(Header::name).toList();
    }

    /** {@code Action} of a request, {@code null} if none. */
    public String action() {
        return get("Action");
    }

    /** {@code ActionID}, {@code null} if none. */
    public String actionId() {
        return get("ActionID");
    }

    /** {@code Event} of an event, {@code null} for a response. */
    public String event() {
        return get("Event");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\\r\\n");
        }
        return sb.toString();
    }

    /** Builds a message in header order. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        public Builder add(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        public Builder add(String name, long value) {
            return add(name, Long.toString(value));
        }

        /** Adds the header only when {@code value} is not {@code null}. */
        public Builder addIfPresent(String name, String value) {
            if (value != null) {
                add(name, value);
            }
            return this;
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
