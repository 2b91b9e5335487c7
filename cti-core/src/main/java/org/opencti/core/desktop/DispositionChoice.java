package org.opencti.core.desktop;

/**
 * One disposition an agent may record for a campaign call, as the wrap-up form offers it: {@code callback} asks for a
 * callback time, {@code dncRequest} warns that the number goes on the do-not-call list at once.
 */
public record DispositionChoice(String code, String label, boolean sale, boolean callback, boolean dncRequest) {
    public DispositionChoice {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("disposition choice: code must not be blank");
        }
        label = label == null || label.isBlank() ? code : label;
    }
}
