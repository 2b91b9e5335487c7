package org.opencti.core.customer;

/**
 * The answer to a PIN entered in the IVR. The IVR should say the same thing for {@link #WRONG} and
 * {@link #UNKNOWN_ACCOUNT}, so that a caller cannot learn which account numbers exist.
 */
public enum PinCheck {
    /** The PIN matches; the failure count is back to zero. */
    VERIFIED,
    /** The PIN does not match; one more failure counted. */
    WRONG,
    /**
     * Too many wrong PINs in a row: nothing is checked until the lockout ends, not even the right PIN. The wrong PIN
     * that causes the lockout already answers LOCKED, so the IVR can tell the caller at once.
     */
    LOCKED,
    /** The account has no PIN set: the IVR must verify the caller another way (or hand them to an agent). */
    NO_PIN,
    /** No account has this number. */
    UNKNOWN_ACCOUNT
}
