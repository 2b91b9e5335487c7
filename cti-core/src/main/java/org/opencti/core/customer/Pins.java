package org.opencti.core.customer;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PIN rules every directory follows, so the in-memory twin and PostgreSQL answer alike. A PIN is stored only as a
 * bcrypt hash. With 10^4 to 10^8 possible PINs the hash alone would not stop a guesser who has the table; the
 * lockout is what protects the account on the phone, the hash protects PINs reused elsewhere from a casual reader.
 */
public final class Pins {
    /** Wrong PINs in a row that lock the account. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked account refuses every PIN. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final Pattern PIN = Pattern.compile("^[0-9]{4,8}$");
    // bcrypt's usual cost: about 50-100 ms a check, which a phone keypad never notices
    private static final int COST = 10;

    private Pins() {
    }

    /** The bcrypt hash of a valid PIN; an IllegalArgumentException naming the field (never the PIN) otherwise. */
    public static String hash(String pin) {
        if (!isWellFormed(pin)) {
            throw new IllegalArgumentException("pin must be 4 to 8 digits");
        }
        return BCrypt.withDefaults().hashToString(COST, pin.toCharArray());
    }

    public static boolean isWellFormed(String pin) {
        return pin != null && PIN.matcher(pin).matches();
    }

    /** Whether {@code pin} is the one hashed; a malformed PIN never matches (and costs no hashing). */
    public static boolean matches(String pin, String hash) {
        Objects.requireNonNull(hash, "hash");
        return isWellFormed(pin)
            && BCrypt.verifyer().verify(pin.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Whether a lockout that ends at {@code lockedUntil} (null: none) is still running at {@code now}. */
    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
