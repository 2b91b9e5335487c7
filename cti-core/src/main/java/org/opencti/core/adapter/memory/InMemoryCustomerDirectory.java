package org.opencti.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.customer.Pins;
import org.opencti.core.port.CustomerAccounts;

/**
 * The customer directory in memory, behaving like the PostgreSQL one: ids from 1, numbers must be E.164,
 * account numbers unique, a number shared by several customers resolves to the one with the lowest id, and the
 * recent interactions come from the given log (matched by customer id). PINs follow the same {@link Pins} rules and
 * the same steps as the SQL (read, bcrypt outside the lock, then update only if nothing changed meanwhile).
 * Thread-safe: one lock over everything.
 */
public final class InMemoryCustomerDirectory implements CustomerAccounts {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final InMemoryInteractionLog history;
    private final Object lock = new Object();
    private final Map<Long, Customer> byId = new TreeMap<>();
    private final Map<String, TreeSet<Long>> byPhone = new HashMap<>();
    private final Map<String, Long> byAccount = new HashMap<>();
    private final Map<Long, PinState> pins = new HashMap<>();
    private final Map<Long, TreeMap<Long, CustomerCase>> casesByCustomer = new HashMap<>();
    private final Map<Long, Long> caseOwners = new HashMap<>();
    private final Map<String, OwnedOrder> orders = new HashMap<>();
    private final Map<Long, EnumMap<Consent.Channel, Consent>> consents = new HashMap<>();
    private long lastId;
    private long lastCaseId;

    public InMemoryCustomerDirectory(InMemoryInteractionLog history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String e164, int recent) {
        Objects.requireNonNull(e164, "e164");
        checkRecent(recent);
        CustomerProfile found;
        synchronized (lock) {
            TreeSet<Long> owners = byPhone.get(e164);
            if (owners == null || owners.isEmpty()) {
                return Optional.empty();
            }
            found = profile(owners.first());
        }
        return Optional.of(withHistory(found, recent));
    }

    @Override
    public Optional<CustomerProfile> findByAccount(String accountNumber, int recent) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        checkRecent(recent);
        CustomerProfile found;
        synchronized (lock) {
            Long id = byAccount.get(accountNumber);
            if (id == null) {
                return Optional.empty();
            }
            found = profile(id);
        }
        return Optional.of(withHistory(found, recent));
    }

    /** The interactions are the log's: read outside our lock, as the log has its own. */
    private CustomerProfile withHistory(CustomerProfile found, int recent) {
        return new CustomerProfile(found.customer(), history.recentFor(found.customer().id(), recent),
            found.openCases(), found.consents());
    }

    /** Under the lock: the customer, open cases oldest first, consents in channel order; no interactions yet. */
    private CustomerProfile profile(long id) {
        List<CustomerCase> open = new ArrayList<>();
        for (CustomerCase c : casesByCustomer.getOrDefault(id, new TreeMap<>()).values()) {
            if (c.status().isOpen()) {
                open.add(c);
            }
        }
        open.sort((a, b) -> a.openedAt().equals(b.openedAt()) ? Long.compare(a.id(), b.id())
            : a.openedAt().compareTo(b.openedAt()));
        Map<Consent.Channel, Consent> given = consents.getOrDefault(id, new EnumMap<>(Consent.Channel.class));
        return new CustomerProfile(byId.get(id), List.of(), open, List.copyOf(given.values()));
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
            Customer stored = customer.stored(id, phones);
            if (previous != null) {
                for (String number : previous.phoneNumbers()) {
                    TreeSet<Long> owners = byPhone.get(number);
                    owners.remove(id);
                    if (owners.isEmpty()) {
                        byPhone.remove(number);
                    }
                }
                if (previous.accountNumber() != null) {
                    byAccount.remove(previous.accountNumber());
                }
            }
            for (String number : phones) {
                byPhone.computeIfAbsent(number, n -> new TreeSet<>()).add(id);
            }
            if (stored.accountNumber() != null) {
                byAccount.put(stored.accountNumber(), id);
            }
            byId.put(id, stored);
            return stored;
        }
    }

    @Override
    public PinCheck verifyPin(String accountNumber, String pin, Instant now) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(now, "now");
        String hash;
        synchronized (lock) {
            Long id = byAccount.get(accountNumber);
            if (id == null) {
                return PinCheck.UNKNOWN_ACCOUNT;
            }
            PinState state = pins.get(id);
            if (state == null) {
                return PinCheck.NO_PIN;
            }
            if (Pins.isLocked(state.lockedUntil(), now)) {
                return PinCheck.LOCKED;
            }
            hash = state.hash();
        }
        boolean right = Pins.matches(pin, hash); // slow on purpose: not under the lock
        synchronized (lock) {
            Long id = byAccount.get(accountNumber);
            PinState state = id == null ? null : pins.get(id);
            if (state == null || !state.hash().equals(hash) || Pins.isLocked(state.lockedUntil(), now)) {
                // locked or changed since the read, as the SQL's re-check would find
                return state != null && Pins.isLocked(state.lockedUntil(), now) ? PinCheck.LOCKED : PinCheck.WRONG;
            }
            if (right) {
                pins.put(id, new PinState(hash, 0, null));
                return PinCheck.VERIFIED;
            }
            int failures = state.lockedUntil() == null ? state.failures() + 1 : 1; // an ended lockout starts afresh
            Instant until = failures >= Pins.MAX_FAILURES ? now.plus(Pins.LOCKOUT) : null;
            pins.put(id, new PinState(hash, failures, until));
            return until == null ? PinCheck.WRONG : PinCheck.LOCKED;
        }
    }

    @Override
    public void setPin(String accountNumber, String pin) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        String hash = Pins.hash(pin);
        synchronized (lock) {
            Long id = byAccount.get(accountNumber);
            if (id == null) {
                throw new IllegalArgumentException("no customer with account number " + accountNumber);
            }
            pins.put(id, new PinState(hash, 0, null));
        }
    }

    @Override
    public Optional<CustomerOrder> findOrder(String accountNumber, String orderNumber) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(orderNumber, "orderNumber");
        synchronized (lock) {
            OwnedOrder owned = orders.get(orderNumber);
            Long id = byAccount.get(accountNumber);
            return owned != null && id != null && owned.customerId() == id ? Optional.of(owned.order()) : Optional.empty();
        }
    }

    @Override
    public CustomerOrder saveOrder(long customerId, CustomerOrder order) {
        Objects.requireNonNull(order, "order");
        synchronized (lock) {
            OwnedOrder owned = orders.get(order.orderNumber());
            if (owned != null && owned.customerId() != customerId) {
                throw new IllegalArgumentException("order number " + order.orderNumber() + " belongs to another customer");
            }
            requireCustomer(customerId);
            orders.put(order.orderNumber(), new OwnedOrder(customerId, order));
            return order;
        }
    }

    @Override
    public CustomerCase addCase(long customerId, CustomerCase newCase) {
        Objects.requireNonNull(newCase, "newCase");
        if (newCase.id() != 0) {
            throw new IllegalArgumentException("id must be 0 for a new case, not " + newCase.id());
        }
        synchronized (lock) {
            requireCustomer(customerId);
            CustomerCase stored = newCase.withId(++lastCaseId);
            casesByCustomer.computeIfAbsent(customerId, c -> new TreeMap<>()).put(stored.id(), stored);
            caseOwners.put(stored.id(), customerId);
            return stored;
        }
    }

    @Override
    public CustomerCase setCaseStatus(long caseId, CustomerCase.Status status, Instant at) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        synchronized (lock) {
            Long owner = caseOwners.get(caseId);
            if (owner == null) {
                throw new IllegalArgumentException("no case with id " + caseId);
            }
            TreeMap<Long, CustomerCase> cases = casesByCustomer.get(owner);
            CustomerCase current = cases.get(caseId);
            CustomerCase changed = new CustomerCase(caseId, current.kind(), status, current.summary(),
                current.openedAt(), status.isOpen() ? null : at);
            cases.put(caseId, changed);
            return changed;
        }
    }

    @Override
    public void setConsent(long customerId, Consent consent) {
        Objects.requireNonNull(consent, "consent");
        synchronized (lock) {
            requireCustomer(customerId);
            consents.computeIfAbsent(customerId, c -> new EnumMap<>(Consent.Channel.class)).put(consent.channel(), consent);
        }
    }

    private void requireCustomer(long customerId) {
        if (!byId.containsKey(customerId)) {
            throw new IllegalArgumentException("no customer with id " + customerId);
        }
    }

    private void checkAccountNumberFree(Customer customer) {
        if (customer.accountNumber() == null) {
            return;
        }
        Long other = byAccount.get(customer.accountNumber());
        if (other != null && other != customer.id()) {
            throw new IllegalArgumentException("account number " + customer.accountNumber()
                + " already belongs to customer " + other);
        }
    }

    private static void checkRecent(int recent) {
        if (recent < 0) {
            throw new IllegalArgumentException("recent must not be negative: " + recent);
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

    private record PinState(String hash, int failures, Instant lockedUntil) {
    }

    private record OwnedOrder(long customerId, CustomerOrder order) {
    }
}
