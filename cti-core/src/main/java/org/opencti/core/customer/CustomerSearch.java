package org.opencti.core.customer;

import java.util.Locale;

/**
 * What a person typed into the customer search, read every way it could be meant: the start of a first name, last name
 * or "first last" (any case), an e-mail address (any case), an account number (exact), and, when the text is a phone
 * number in any format, that number in E.164 ({@code e164}, null otherwise: the caller normalises with
 * {@link PhoneNumbers}, which knows the centre's region). A customer matching any of them is found.
 */
public record CustomerSearch(String text, String e164) {
    public static final int MAX_TEXT = 100;
    public static final int MAX_LIMIT = 100;

    public CustomerSearch {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw new IllegalArgumentException("q must be 1 to " + MAX_TEXT + " characters, not \"" + text + "\"");
        }
        text = text.strip();
    }

    /** The text lower-cased, for the case-insensitive matches. */
    public String folded() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Refuses a page that is not 1..100 long or starts before 0, naming the parameter. */
    public static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldsException(java.util.Map.of("limit", "must be 1 to " + MAX_LIMIT + ", not " + limit));
        }
        if (offset < 0) {
            throw new InvalidFieldsException(java.util.Map.of("offset", "must be 0 or more, not " + offset));
        }
    }
}
