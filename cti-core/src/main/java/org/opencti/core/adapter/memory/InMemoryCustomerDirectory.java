package org.opencti.core.adapter.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.port.CustomerDirectory;

/**
 * The customer directory in memory, behaving like the PostgreSQL one: ids from 1, numbers must be E.164,
 * account numbers unique, a number shared by several customers resolves to the one with the lowest id, and the
 * recent interactions come from the given log (matched by customer id). Thread-safe.
 */
public final class InMemoryCustomerDirectory implements CustomerDirectory {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final InMemoryInteractionLog history;
    private final Object lock = new Object();
    private final Map<Long, Customer> byId = new TreeMap<>();
    private final Map<String, TreeSet<Long>> byPhone = new HashMap<>();
    private long lastId;

    public InMemoryCustomerDirectory(InMemoryInteractionLog history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        Objects.requireNonNull(e164, "e164");
        if (recent < 0) {
            throw new IllegalArgumentException("recent must not be negative: " + recent);
        }
        Customer found;
        synchronized (lock) {
            TreeSet<Long> owners = byPhone.get(e164);
            if (owners == null || owners.isEmpty()) {
                return Optional.empty();
            }
            found = byId.get(owners.first());
        }
        return Optional.of(new CustomerProfile(found, history.recentFor(found.id(), recent)));
    }

    @Override
    public Customer save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        if (customer.id() < 0) {
            throw new IllegalArgumentException("customer id must not be negative: " + customer.id());
        }
        List<String> phones = e164Only(customer.phoneNumbers());
        synchronized (lock) {
            Customer previous = customer.id() == 0 ? null : byId.get(customer.id());
            if (customer.id() != 0 && previous == null) {
                throw new IllegalArgumentException("no customer with id " + customer.id());
            }
            checkAccountNumberFree(customer);
            long id = customer.id() == 0 ? ++lastId : customer.id();
            Customer stored = new Customer(id, customer.salutation(), customer.firstName(), customer.lastName(),
                customer.tier(), customer.accountNumber(), phones);
            if (previous != null) {
                for (String number : previous.phoneNumbers()) {
                    TreeSet<Long> owners = byPhone.get(number);
                    owners.remove(id);
                    if (owners.isEmpty()) {
                        byPhone.remove(number);
                    }
                }
            }
            for (String number : phones) {
                byPhone.computeIfAbsent(number, n -> new TreeSet<>()).add(id);
            }
            byId.put(id, stored);
            return stored;
        }
    }

    private void checkAccountNumberFree(Customer customer) {
        if (customer.accountNumber() == null) {
            return;
        }
        for (Customer other : byId.values()) {
            if (other.id() != customer.id() && customer.accountNumber().equals(other.accountNumber())) {
                throw new IllegalArgumentException("account number " + customer.accountNumber()
                    + " already belongs to customer " + other.id());
            }
        }
    }

    /** The numbers in their given order without repeats; throws naming the first one that is not E.164. */
    static List<String> e164Only(List<String> numbers) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String number : numbers) {
            if (!E164.matcher(number).matches()) {
                throw new IllegalArgumentException("phone number is not E.164: \"" + number + "\"");
            }
            distinct.add(number);
        }
        return new ArrayList<>(distinct);
    }
}
