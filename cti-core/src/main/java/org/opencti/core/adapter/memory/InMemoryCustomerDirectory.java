package org.opencti.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.AuditEntry;
import org.opencti.core.customer.Consent;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerCase;
import org.opencti.core.customer.CustomerErasedException;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DncEntry;
import org.opencti.core.customer.DuplicateCustomerException;
import org.opencti.core.customer.Erasure;
import org.opencti.core.customer.FreeText;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.NoSuchCustomerException;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.customer.Pins;
import org.opencti.core.port.CustomerRecords;

/**
 * The customer directory in memory, behaving like the PostgreSQL one: ids from 1, numbers must be E.164,
 * account numbers unique, a number shared by several customers resolves to the one with the lowest id, and the
 * recent interactions come from the given log (matched by customer id). PINs follow the same {@link Pins} rules and
 * the same steps as the SQL (read, bcrypt outside the lock, then update only if nothing changed meanwhile).
 * Thread-safe: one lock over everything.
 */
public final class InMemoryCustomerDirectory implements CustomerRecords {
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
    private final Map<Long, Instant> erased = new HashMap<>();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
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
            if (customer.id() != 0 && (previous == null || erased.containsKey(customer.id()))) {
                // erasure is irreversible: a save cannot bring an erased customer's data back
                throw new IllegalArgumentException("no customer with id " + customer.id() + " (unknown or erased)");
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
    public OptionalLong customerOfCase(long caseId) {
        synchronized (lock) {
            Long owner = caseOwners.get(caseId);
            return owner == null ? OptionalLong.empty() : OptionalLong.of(owner);
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

    @Override
    public List<Customer> search(CustomerSearch search, int limit, int offset) {
        Objects.requireNonNull(search, "search");
        CustomerSearch.checkPage(limit, offset);
        synchronized (lock) {
            return byId.values().stream().filter(c -> !erased.containsKey(c.id()) && matches(c, search))
                .skip(offset).limit(limit).toList();
        }
    }

    /** As the SQL reads it: a name prefix (any case), the e-mail (any case), the account number, the E.164 number. */
    private static boolean matches(Customer c, CustomerSearch search) {
        String text = search.folded();
        String email = c.contact().email();
        return lower(c.firstName()).startsWith(text) || lower(c.lastName()).startsWith(text)
            || lower(c.firstName() + " " + c.lastName()).startsWith(text)
            || email != null && lower(email).equals(text) || search.text().equals(c.accountNumber())
            || search.e164() != null && c.phoneNumbers().contains(search.e164());
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<CustomerProfile> findById(long customerId, int recent) {
        checkRecent(recent);
        CustomerProfile found;
        synchronized (lock) {
            if (!byId.containsKey(customerId) || erased.containsKey(customerId)) {
                return Optional.empty();
            }
            found = profile(customerId);
        }
        return Optional.of(withHistory(found, recent));
    }

    @Override
    public Optional<Instant> erasedAt(long customerId) {
        synchronized (lock) {
            return Optional.ofNullable(erased.get(customerId));
        }
    }

    @Override
    public Customer create(Customer customer, Actor actor) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(actor, "actor");
        if (customer.id() != 0) {
            throw new IllegalArgumentException("id must be 0 for a new customer, not " + customer.id());
        }
        List<String> phones = e164Only(customer.phoneNumbers());
        synchronized (lock) {
            checkNoDuplicate(0, phones, customer.contact().email());
            Customer stored = save(customer);
            trail.record(stored.id(), AuditEntry.Action.CREATED, List.of(), actor);
            return stored;
        }
    }

    @Override
    public Customer updateContact(long customerId, ContactChange change, Actor actor) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
        synchronized (lock) {
            requireLive(customerId);
            Customer before = byId.get(customerId);
            Customer after = change.applyTo(before);
            List<String> changed = ContactChange.changed(before, after);
            if (changed.isEmpty()) {
                return before;
            }
            e164Only(after.phoneNumbers());
            checkNoDuplicate(customerId, changed.contains("phoneNumbers") ? after.phoneNumbers() : List.of(),
                changed.contains("email") ? after.contact().email() : null);
            Customer stored = save(after);
            trail.record(customerId, AuditEntry.Action.CONTACT_UPDATED, changed, actor);
            return stored;
        }
    }

    @Override
    public InteractionSummary addNote(long customerId, String text, Actor actor) {
        String note = FreeText.check("text", text, FreeText.MAX_NOTE);
        Objects.requireNonNull(actor, "actor");
        synchronized (lock) {
            requireLive(customerId);
            history.record(new InteractionRecord("note-" + UUID.randomUUID(), customerId, null, "note", null,
                actor.userId(), actor.at(), null, actor.at(), "note", note));
            trail.record(customerId, AuditEntry.Action.NOTE_ADDED, List.of("notes"), actor);
        }
        return new InteractionSummary(actor.at(), "note", null, actor.userId(), "note", note);
    }

    @Override
    public CustomerCase recordComplaint(long customerId, String summary, Actor actor) {
        CustomerCase complaint = CustomerCase.open(CustomerCase.Kind.COMPLAINT,
            FreeText.check("summary", summary, FreeText.MAX_SUMMARY), Objects.requireNonNull(actor, "actor").at());
        synchronized (lock) {
            requireLive(customerId);
            CustomerCase stored = addCase(customerId, complaint);
            trail.record(customerId, AuditEntry.Action.COMPLAINT_RECORDED, List.of("cases"), actor);
            return stored;
        }
    }

    @Override
    public void setPin(String accountNumber, String pin, Actor actor) {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(actor, "actor");
        String hash = Pins.hash(pin);
        synchronized (lock) {
            Long id = byAccount.get(accountNumber);
            if (id == null) {
                throw new IllegalArgumentException("no customer with account number " + accountNumber);
            }
            pins.put(id, new PinState(hash, 0, null));
            trail.record(id, AuditEntry.Action.PIN_SET, List.of("pin"), actor);
        }
    }

    @Override
    public void setConsent(long customerId, Consent consent, Actor actor) {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(actor, "actor");
        synchronized (lock) {
            requireLive(customerId);
            setConsent(customerId, consent);
            trail.record(customerId, AuditEntry.Action.CONSENT_SET, List.of("consent." + consent.channel().word()), actor);
        }
    }

    @Override
    public Erasure erase(long customerId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        synchronized (lock) {
            requireCustomer(customerId);
            if (erased.containsKey(customerId)) {
                return new Erasure(customerId, false, erased.get(customerId), List.of());
            }
            Customer c = byId.get(customerId);
            List<String> numbers = c.phoneNumbers();
            numbers.forEach(n -> trail.addDoNotCall(n, "erasure", actor));
            history.anonymise(customerId, numbers);
            for (String number : numbers) {
                TreeSet<Long> owners = byPhone.get(number);
                owners.remove(customerId);
                if (owners.isEmpty()) {
                    byPhone.remove(number);
                }
            }
            if (c.accountNumber() != null) {
                byAccount.remove(c.accountNumber());
            }
            pins.remove(customerId);
            consents.remove(customerId);
            casesByCustomer.getOrDefault(customerId, new TreeMap<>()).replaceAll((id, k) -> new CustomerCase(id, k.kind(),
                k.status(), "erased", k.openedAt(), k.closedAt()));
            byId.put(customerId, new Customer(customerId, null, "erased", "", c.tier(), null, List.of(),
                Customer.Contact.NONE, c.value(), new Customer.Relationship(c.relationship().vip(),
                c.relationship().churnRisk(), null)));
            erased.put(customerId, actor.at());
            trail.record(customerId, AuditEntry.Action.ERASED, ERASED_FIELDS, actor);
            return new Erasure(customerId, true, actor.at(), numbers);
        }
    }

    /** What an erasure removes, as the audit names it (the same list as the PostgreSQL adapter's). */
    private static final List<String> ERASED_FIELDS = List.of("salutation", "firstName", "lastName", "phoneNumbers",
        "email", "preferredLanguage", "preferredChannel", "preferredContactTime", "accountNumber", "accountManager", "pin",
        "consents", "caseSummaries", "notes", "callerNumbers");

    @Override
    public List<AuditEntry> audit(long customerId, int limit, int offset) {
        CustomerSearch.checkPage(limit, offset);
        synchronized (lock) {
            return trail.read(customerId, limit, offset);
        }
    }

    @Override
    public Optional<DncEntry> doNotCall(String e164) {
        Objects.requireNonNull(e164, "e164");
        synchronized (lock) {
            return trail.doNotCall(e164);
        }
    }

    private void requireLive(long customerId) {
        requireCustomer(customerId);
        Instant at = erased.get(customerId);
        if (at != null) {
            throw new CustomerErasedException(customerId, at);
        }
    }

    /** Refuses numbers or an e-mail (any case) that a customer other than {@code self} has, naming field and owner. */
    private void checkNoDuplicate(long self, List<String> phones, String email) {
        for (String number : phones) {
            TreeSet<Long> owners = byPhone.get(number);
            Long other = owners == null ? null : owners.stream().filter(id -> id != self).findFirst().orElse(null);
            if (other != null) {
                throw new DuplicateCustomerException("phoneNumbers", number, other);
            }
        }
        if (email != null) {
            for (Customer c : byId.values()) {
                if (c.id() != self && c.contact().email() != null && lower(c.contact().email()).equals(lower(email))) {
                    throw new DuplicateCustomerException("email", email, c.id());
                }
            }
        }
    }

    private void requireCustomer(long customerId) {
        if (!byId.containsKey(customerId)) {
            throw new NoSuchCustomerException(customerId);
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
