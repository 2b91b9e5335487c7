package org.opencti.dialer.lead;

/** A row of a lead file that was not loaded: its line (where the record starts), the field at fault and why. */
public record Rejection(long line, String field, String reason) {
}
