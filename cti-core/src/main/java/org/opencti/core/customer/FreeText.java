package org.opencti.core.customer;

import java.util.Map;

/** The rules for what people type into a customer's record: notes and complaint summaries. */
public final class FreeText {
    public static final int MAX_NOTE = 2000;
    public static final int MAX_SUMMARY = 500;

    private FreeText() {
    }

    /** The text stripped; refused (naming {@code field}) when missing, blank, too long or holding control characters. */
    public static String check(String field, String text, int max) {
        String reason = null;
        if (text == null || text.isBlank()) {
            reason = "must not be blank";
        } else if (text.strip().length() > max) {
            reason = "at most " + max + " characters, not " + text.strip().length();
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            reason = "must not contain control characters other than line breaks and tabs";
        }
        if (reason != null) {
            throw new InvalidFieldsException(Map.of(field, reason));
        }
        return text.strip();
    }
}
