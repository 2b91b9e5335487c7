package org.opencti.core.customer;

/**
 * A phone number or e-mail address that already belongs to another customer: creating a second record for the same
 * person would split their history, so it is refused, naming the field and who has it already.
 */
public final class DuplicateCustomerException extends IllegalArgumentException {
    private final String field;
    private final long existingCustomerId;

    public DuplicateCustomerException(String field, String value, long existingCustomerId) {
        super(field + " " + value + " already belongs to customer " + existingCustomerId);
        this.field = field;
        this.existingCustomerId = existingCustomerId;
    }

    public String field() {
        return field;
    }

    public long existingCustomerId() {
        return existingCustomerId;
    }
}
