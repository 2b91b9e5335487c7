package org.opencti.core.adapter.postgres;

import java.util.List;
import java.util.Objects;
import org.opencti.core.customer.Customer;
import org.opencti.core.port.CustomerDirectory;

/** Believable demo customers (US 555-01xx numbers, which are reserved for fiction) for the demo and load tests. */
public final class SampleCustomers {
    /** The number {@link #seed} checks to tell whether the samples are already there. */
    public static final String FIRST_NUMBER = "+12025550143";

    private SampleCustomers() {
    }

    /** The sample customers, not yet saved (id 0). */
    public static List<Customer> demo() {
        return List.of(
            new Customer(0, "Ms", "Alice", "Moreno", "Gold", "AC-100234", List.of(FIRST_NUMBER, "+12025550178")),
            new Customer(0, "Mr", "David", "Chen", "Silver", "AC-100487", List.of("+13125550122")),
            new Customer(0, "Dr", "Priya", "Raman", "Gold", "AC-100562", List.of("+14155550199", "+14155550107")),
            new Customer(0, "Mrs", "Grace", "O'Connor", "Bronze", "AC-100610", List.of("+16175550134")),
            new Customer(0, "Mr", "Marcus", "Johnson", "Silver", "AC-100733", List.of("+17135550161")),
            new Customer(0, "Ms", "Sofia", "Alvarez", "Bronze", "AC-100845", List.of("+13055550186")),
            new Customer(0, "Mr", "Tom", "Becker", "Bronze", "AC-100912", List.of("+12065550113", "+12065550191")),
            new Customer(0, "Ms", "Hannah", "Kim", "Gold", "AC-101007", List.of("+15125550175")));
    }

    /** Saves the samples unless {@link #FIRST_NUMBER} is already known (so running it again adds nothing). */
    public static void seed(CustomerDirectory directory) {
        Objects.requireNonNull(directory, "directory");
        if (directory.findByPhone(FIRST_NUMBER, 0).isPresent()) {
            return;
        }
        for (Customer customer : demo()) {
            directory.save(customer);
        }
    }
}
