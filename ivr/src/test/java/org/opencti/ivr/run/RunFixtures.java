package org.opencti.ivr.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.opencti.ivr.tree.MenuTreeException;
import org.opencti.ivr.tree.MenuTreeLoader;
import org.opencti.ivr.tree.MenuTrees;

/** The sample tree and a customer directory that fits it. */
final class RunFixtures {

    static final String KNOWN = "+15550001";
    static final String VIP = "+15550999";
    static final String ACCOUNT = "123456";
    static final String PIN = "4321";
    static final String ORDER = "12345678";

    private RunFixtures() {
    }

    static MenuTrees sample() {
        try (InputStream in = MenuTreeLoader.class.getResourceAsStream("sample-menu.yaml")) {
            return MenuTreeLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-menu.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MenuTreeException e) {
            throw new IllegalStateException(e);
        }
    }

    static MenuTrees parse(String yaml) {
        try {
            return MenuTreeLoader.parse(yaml, "test");
        } catch (MenuTreeException e) {
            throw new IllegalStateException(e);
        }
    }

    static InMemoryCustomers customers() {
        return new InMemoryCustomers()
                .caller(KNOWN, Map.of("CUSTOMER_NAME", "Ada Lovelace", "CTI_VIP", "false", "ACCOUNT", ACCOUNT))
                .caller(VIP, Map.of("CUSTOMER_NAME", "Grace Hopper", "CTI_VIP", "true"))
                .account(ACCOUNT, Map.of("BALANCE", "120.50"))
                .pin(ACCOUNT, PIN)
                .order(ACCOUNT, ORDER, Map.of("ORDER_STATUS", "shipped"));
    }

    static MenuRunner runner(boolean open) {
        InMemoryCustomers customers = customers();
        return new MenuRunner(MenuRunner.Settings.standard(), customers, customers,
                OpenHours.openFor(open ? Set.of("us-office") : Set.of()));
    }

    static RunOutcome run(MenuRunner runner, MenuTrees trees, String tree, String caller, ScriptedCaller io) {
        try {
            return runner.run(trees, trees.tree(tree).orElseThrow(), caller, io).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
