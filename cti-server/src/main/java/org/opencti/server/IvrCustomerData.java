package org.opencti.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.CustomerProfile;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.customer.PinCheck;
import org.opencti.core.port.CustomerAccounts;
import org.opencti.ivr.run.CustomerLookup;
import org.opencti.ivr.run.PinVerifier;

/**
 * The customer database as the IVR's data dips and account checks see it. Lookups run on a worker (JDBC blocks); the
 * interpreter applies its deadline. The caller's number alone reveals who they are and how to route them, never their
 * balance: that needs the account's PIN (an account data dip after an account check).
 */
final class IvrCustomerData implements CustomerLookup, PinVerifier {
    private final CustomerAccounts accounts;
    private final PhoneNumbers numbers;
    private final Executor worker;
    private final Clock clock;

    IvrCustomerData(CustomerAccounts accounts, PhoneNumbers numbers, Executor worker, Clock clock) {
        this.accounts = accounts;
        this.numbers = numbers;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupByCaller(String number) {
        Optional<String> e164 = numbers.toE164(number);
        if (e164.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> accounts.findByPhone(e164.get(), 0).map(p -> who(p, false)), worker);
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupByAccount(String account) {
        return CompletableFuture.supplyAsync(() -> accounts.findByAccount(account, 0).map(p -> who(p, true)), worker);
    }

    @Override
    public CompletionStage<Optional<Map<String, String>>> lookupOrder(String account, String orderNumber) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return accounts.findOrder(account, orderNumber).map(o -> Map.of("ORDER_NUMBER", o.orderNumber(),
                    "ORDER_STATUS", o.status().word()));
            } catch (IllegalArgumentException malformed) {
                return Optional.<Map<String, String>>empty(); // digits that cannot be an order number are no order
            }
        }, worker);
    }

    /** Locked and wrong PINs look the same to the caller; the account check's attempts then lead to a person. */
    @Override
    public CompletionStage<Boolean> verify(String account, String pin) {
        return CompletableFuture.supplyAsync(() -> accounts.verifyPin(account, pin, clock.instant()) == PinCheck.VERIFIED, worker);
    }

    /** Call data a tree can branch on and the ACD routes by (CTI_*); the balance only for a PIN-checked account. */
    private static Map<String, String> who(CustomerProfile profile, boolean withBalance) {
        Customer c = profile.customer();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("NAME", c.displayName());
        if (c.tier() != null) {
            data.put("TIER", c.tier());
            data.put("CTI_TIER", c.tier());
        }
        if (c.accountNumber() != null) {
            data.put("ACCOUNT", c.accountNumber());
        }
        data.put("CTI_VIP", Boolean.toString(c.relationship().vip()));
        data.put("CTI_CHURN_RISK", Boolean.toString(c.relationship().churnRisk()));
        if (c.relationship().accountManager() != null) {
            data.put("CTI_ACCOUNT_MANAGER", c.relationship().accountManager());
        }
        if (c.contact().preferredLanguage() != null) {
            data.put("PREFERRED_LANGUAGE", c.contact().preferredLanguage());
        }
        data.put("OPEN_CASES", Integer.toString(profile.openCases().size()));
        if (withBalance && c.value().balance() != null) {
            data.put("BALANCE", c.value().balance().toPlainString());
        }
        return Map.copyOf(data);
    }
}
