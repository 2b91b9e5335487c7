package org.opencti.ivr.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a menu tree. References to other nodes are node ids of the same tree, or {@link #RETURN} (in a tree used as a
 * sub-menu: continue at the calling {@link SubMenu}'s {@code next}; at the top level the interpreter treats it as the
 * person exit). Prompts map a language to a sound file. Whenever input is invalid or retries are exhausted and the node
 * names no other target, the caller goes to the tree's {@link MenuTree#personExit()} queue.
 */
public sealed interface Node {

    /** The reserved reference that leaves a sub-menu back to its caller. */
    String RETURN = "return";

    String id();

    /** Outgoing references within the tree, keyed by the YAML path below the node ({@code next}, {@code choices.1}). */
    Map<String, String> references();

    /** The node's prompts per language; empty for nodes that play nothing. */
    default Map<String, String> prompts() {
        return Map.of();
    }

    /** Ends the caller's time in the menu tree (a person, a mailbox, a callback, or the end of the call). */
    default boolean isExit() {
        return false;
    }

    /**
     * Waits for the caller with bounded retries and has the implicit person exit when they are exhausted, so a cycle
     * through it always has a way out.
     */
    default boolean hasImplicitPersonExit() {
        return false;
    }

    private static Map<String, String> refs(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put(pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }

    record Prompt(String id, Map<String, String> prompts, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }
    }

    /** onInvalid/onTimeout null: the person exit once retries are exhausted. */
    record Menu(String id, Map<String, String> prompts, Map<String, String> choices, int retries, int timeoutMs,
            String onInvalid, String onTimeout) implements Node {
        public Map<String, String> references() {
            Map<String, String> out = new LinkedHashMap<>();
            choices.forEach((digit, target) -> out.put(TreeProblems.child("choices", digit), target));
            out.putAll(refs("onInvalid", onInvalid, "onTimeout", onTimeout));
            return out;
        }

        @Override
        public boolean hasImplicitPersonExit() {
            return true;
        }
    }

    /** terminator is one of 0-9*# or empty for none; the digits are stored in {@code variable}. */
    record CollectDigits(String id, Map<String, String> prompts, int minDigits, int maxDigits, String terminator, int timeoutMs,
            int retries, String variable, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }

        @Override
        public boolean hasImplicitPersonExit() {
            return true;
        }
    }

    record AccountCheck(String id, Map<String, String> prompts, String accountVariable, String pinVariable, int maxAttempts,
            String onSuccess, String onFailure) implements Node {
        public Map<String, String> references() {
            return refs("onSuccess", onSuccess, "onFailure", onFailure);
        }
    }

    /**
     * CALLER: the record of the caller's number. ACCOUNT: the account just checked, else the digits last keyed, else
     * the caller's account. ORDER: the order whose number the caller last keyed, only if it belongs to the caller's
     * account (checked by PIN, or found by their number): nobody hears about someone else's order.
     */
    enum Lookup { CALLER, ACCOUNT, ORDER }

    record DataDip(String id, Lookup lookup, String onFound, String onNotFound) implements Node {
        public Map<String, String> references() {
            return refs("onFound", onFound, "onNotFound", onNotFound);
        }
    }

    enum ValueKind { NUMBER, DIGITS, MONEY, DATE, ORDER_STATUS }

    /** prompts may be empty (say the value alone). */
    record SayValue(String id, Map<String, String> prompts, String variable, ValueKind kind, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }
    }

    /** Sets call data such as intent, language, priority and skills for routing. */
    record SetData(String id, Map<String, String> values, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }
    }

    enum Operator { EQUALS, IN, EXISTS }

    /** values: one for EQUALS, several for IN, none for EXISTS. */
    record Condition(String variable, Operator operator, List<String> values, String goTo) {
    }

    /** The first condition that holds decides; otherwise {@code otherwise}. */
    record Branch(String id, List<Condition> conditions, String otherwise) implements Node {
        public Map<String, String> references() {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < conditions.size(); i++) {
                out.put("conditions[" + i + "].goTo", conditions.get(i).goTo());
            }
            out.putAll(refs("otherwise", otherwise));
            return out;
        }
    }

    record BusinessHours(String id, String calendar, String open, String closed) implements Node {
        public Map<String, String> references() {
            return refs("open", open, "closed", closed);
        }
    }

    record LanguageChoice(String id, Map<String, String> prompts, Map<String, String> choices, int retries, String next)
            implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }

        @Override
        public boolean hasImplicitPersonExit() {
            return true;
        }
    }

    record TransferToQueue(String id, String queue) implements Node {
        public Map<String, String> references() {
            return Map.of();
        }

        @Override
        public boolean isExit() {
            return true;
        }
    }

    /** Registers a callback on the queue, then continues at {@code next} (a goodbye); leaving the tree to a person. */
    record CallbackRequest(String id, String queue, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }

        @Override
        public boolean isExit() {
            return true;
        }
    }

    record Voicemail(String id, String mailbox) implements Node {
        public Map<String, String> references() {
            return Map.of();
        }

        @Override
        public boolean isExit() {
            return true;
        }
    }

    /** prompts may be empty (hang up without a goodbye). */
    record Hangup(String id, Map<String, String> prompts) implements Node {
        public Map<String, String> references() {
            return Map.of();
        }

        @Override
        public boolean isExit() {
            return true;
        }
    }

    /** Runs the named tree; when it reaches {@code return}, continues at {@code next}. */
    record SubMenu(String id, String tree, String next) implements Node {
        public Map<String, String> references() {
            return refs("next", next);
        }
    }
}
