package org.opencti.ivr.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Customers and PINs held in memory (tests, demo mode): answers at once. */
public final class InMemoryCustomers implements CustomerLookup, PinVerifier {

    private final Map<String, Map<String, String>> byCaller = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, String> pins = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> orders = new ConcurrentHashMap<>();

    /** The data returned for calls from {@code number}. */
    public InMemoryCustomers caller(String number, Map<String, String> data) {
        byCaller.put(number, Map.copyOf(data));
        return this;
    }

    /** The data returned for {@code account} (an account number, or any other key such as an order number). */
    public InMemoryCustomers account(String account, Map<String, String> data) {
        byAccount.put(account, Map.copyOf(data));
        return this;
    }

    /** The data returned for order {@code number} of {@code account}. */
    public InMemoryCustomers order(String account, String number, Map<String, String> data) {
        orders.put(account + "/" + number, Map.copyOf(data));
        return this;
    }

    public InMemoryCustomers pin(String account, String pin) {
        pins.put(account, pin);
        return this;
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number) {
        return CompletableFuture.completedFuture(Optional.ofNullable(byCaller.get(number)));
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account) {
        return CompletableFuture.completedFuture(Optional.ofNullable(byAccount.get(account)));
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber) {
        return CompletableFuture.completedFuture(Optional.ofNullable(orders.get(account + "/" + orderNumber)));
    }

    @Override
    public CompletionStage<Boolean> verify(String account, String pin) {
        return CompletableFuture.completedFuture(pin != null && pin.equals(pins.get(account)));
    }
}
