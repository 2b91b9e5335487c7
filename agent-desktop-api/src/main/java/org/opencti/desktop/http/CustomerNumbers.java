package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.acd.DeskRefusal;
import org.opencti.core.customer.CustomerProfile;

/**
 * The number an agent dials or schedules a callback to: one of a customer's numbers (taken from their record, which the
 * store is asked on a worker), or a number typed by hand, in E.164.
 */
final class CustomerNumbers {
    /** {@code customerId} null: typed. */
    record Target(String e164, Long customerId) {
    }

    private CustomerNumbers() {
    }

    /** Fails with a {@link DeskRefusal} naming {@code customerId} or {@code number}. {@code backend}: not null. */
    static CompletionStage<Target> resolve(Vertx vertx, CustomerRoutes.Backend backend, Object customerIdValue, Object numberValue) {
        if (numberValue != null && !(numberValue instanceof String)) {
            return refused(DeskRefusal.Kind.INVALID, "number", "must be a string, a phone number");
        }
        String typed = (String) numberValue;
        String e164 = typed == null ? null : backend.numbers().toE164(typed).orElse(null);
        if (typed != null && e164 == null) {
            return refused(DeskRefusal.Kind.INVALID, "number", "\"" + DeskRoutes.clip(typed) + "\" is not a phone number");
        }
        if (customerIdValue == null) {
            return e164 == null ? refused(DeskRefusal.Kind.INVALID, "number", "required: a customerId, or a number to dial")
                : CompletableFuture.completedFuture(new Target(e164, null));
        }
        if (!(customerIdValue instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            return refused(DeskRefusal.Kind.INVALID, "customerId", "must be a customer's id, a whole number from 1");
        }
        long id = n.longValue();
        return vertx.<CustomerProfile>executeBlocking(() -> backend.records().findById(id, 0).orElse(null), false)
            .toCompletionStage().thenApply(profile -> {
                if (profile == null) {
                    throw new DeskRefusal(DeskRefusal.Kind.NOT_FOUND, "customerId", "no customer " + id);
                }
                List<String> numbers = profile.customer().phoneNumbers();
                if (e164 == null) {
                    if (numbers.isEmpty()) {
                        throw new DeskRefusal(DeskRefusal.Kind.INVALID, "customerId", "customer " + id + " has no phone number");
                    }
                    return new Target(numbers.get(0), id);
                }
                if (!numbers.contains(e164)) {
                    throw new DeskRefusal(DeskRefusal.Kind.INVALID, "number", e164 + " is not a number of customer " + id);
                }
                return new Target(e164, id);
            });
    }

    private static CompletionStage<Target> refused(DeskRefusal.Kind kind, String field, String message) {
        return CompletableFuture.failedFuture(new DeskRefusal(kind, field, message));
    }
}
