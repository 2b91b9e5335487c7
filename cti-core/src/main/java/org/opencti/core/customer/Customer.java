package org.opencti.core.customer;

import java.util.List;
import java.util.Objects;

/** A customer as the screen pop shows them. Phone numbers are E.164. */
public record Customer(long id, String salutation, String firstName, String lastName, String tier,
                       String accountNumber, List<String> phoneNumbers) {
    public Customer {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        phoneNumbers = List.copyOf(phoneNumbers);
    }

    public String displayName() {
        return (salutation == null || salutation.isBlank() ? "" : salutation + " ") + firstName + " " + lastName;
    }
}
