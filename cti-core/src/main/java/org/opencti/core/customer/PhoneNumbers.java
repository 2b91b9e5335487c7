package org.opencti.core.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Normalises what a PBX or a person typed into E.164, the one form numbers are stored and looked up in. */
public final class PhoneNumbers {
    private static final int MAX_INPUT = 64;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** E.164 ("+15551230001") or empty when the input is not a possible number (withheld, "anonymous", junk). */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String candidate = raw.trim();
        if (candidate.startsWith("00")) {
            candidate = "+" + candidate.substring(2);
        }
        try {
            Phonenumber.PhoneNumber parsed = util.parse(candidate, defaultRegion);
            if (!util.isPossibleNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
