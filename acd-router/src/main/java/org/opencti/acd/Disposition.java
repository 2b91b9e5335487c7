package org.opencti.acd;

import java.util.Objects;

/** A disposition code an agent may give a call of a queue at wrap-up, and what the desktop shows for it. */
public record Disposition(String code, String label) {
    public Disposition {
        Objects.requireNonNull(code, "code");
        label = label == null ? code : label;
    }
}
