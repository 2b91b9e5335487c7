package org.opencti.dialer.compliance;

/** Which do-not-call list a number is on. */
public enum DncList {
    /** Ours ({@code dnc_numbers}): people who asked us, numbers an admin added. */
    INTERNAL,
    /** This campaign's own list. */
    CAMPAIGN,
    /** An imported national register. */
    NATIONAL
}
