package org.opencti.dialer.lead;

/** The file as a whole cannot be imported (no header, no phone column, over the row limit); nothing was loaded. */
public final class LeadFileException extends IllegalArgumentException {
    public LeadFileException(String message) {
        super(message);
    }
}
