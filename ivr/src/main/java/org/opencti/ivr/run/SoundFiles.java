package org.opencti.ivr.run;

import java.util.SortedSet;
import java.util.TreeSet;
import org.opencti.core.customer.CustomerOrder;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.MenuTrees;
import org.opencti.ivr.tree.Node;

/**
 * The recordings a set of menu trees plays, as Asterisk names them (no extension): every node's prompts, the
 * interpreter's own prompts in each language a tree speaks, and the order-status words. What has to be recorded and
 * installed in Asterisk's sounds directory before the trees go live; numbers, digits, money and dates use Asterisk's
 * own Say* sounds.
 */
public final class SoundFiles {
    private SoundFiles() {
    }

    public static SortedSet<String> of(MenuTrees trees, MenuRunner.Settings settings) {
        SortedSet<String> files = new TreeSet<>();
        for (MenuTree tree : trees.trees().values()) {
            boolean asksPin = false;
            boolean waits = false;
            for (Node node : tree.nodes().values()) {
                files.addAll(node.prompts().values());
                asksPin |= node instanceof Node.AccountCheck;
                waits |= node.hasImplicitPersonExit() || node instanceof Node.AccountCheck;
                if (node instanceof Node.SayValue say && say.kind() == Node.ValueKind.ORDER_STATUS) {
                    // said as order-status/<word>, the words of the customer model (AgiCallerIo)
                    for (CustomerOrder.Status status : CustomerOrder.Status.values()) {
                        files.add("order-status/" + status.word());
                    }
                }
            }
            for (String language : tree.languages()) {
                if (waits) {
                    files.add(language + "/" + settings.invalidPrompt());
                }
                if (asksPin) {
                    files.add(language + "/" + settings.pinPrompt());
                }
            }
        }
        return files;
    }
}
