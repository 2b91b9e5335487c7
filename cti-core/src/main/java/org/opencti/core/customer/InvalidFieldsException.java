package org.opencti.core.customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Several fields refused at once, each with its own reason, so one answer lists every mistake in a form. */
public final class InvalidFieldsException extends IllegalArgumentException {
    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field name to reason, in the order the fields were checked. */
    public Map<String, String> errors() {
        return errors;
    }
}
