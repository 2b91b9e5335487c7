package org.opencti.dialer.compliance;

import java.util.regex.Pattern;

/** The E.164 shape every stored number has (the database checks the same). */
final class E164s {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private E164s() {
    }

    static String check(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("number must be E.164 (+15551230000), not \"" + e164 + "\"");
        }
        return e164;
    }
}
