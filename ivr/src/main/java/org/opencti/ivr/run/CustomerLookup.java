package org.opencti.ivr.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The customer data a menu tree may use: the data of the caller's number or of an account (variable name to value, e.g.
 * {@code CUSTOMER_NAME}, {@code CTI_VIP}, {@code BALANCE}). Must not block; the interpreter applies the deadline
 * ({@link MenuRunner.Settings#portDeadline()}) and treats a late or failed answer as "not found".
 */
public interface CustomerLookup {

    /** A lookup that knows nobody. */
    CustomerLookup NONE = new CustomerLookup() {
        @Override
        public CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    };

    CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number);

    CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account);

    /** The order (e.g. {@code ORDER_STATUS}) only when it belongs to {@code account}. */
    CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber);
}
