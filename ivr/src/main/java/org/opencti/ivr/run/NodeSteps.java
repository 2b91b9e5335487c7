package org.opencti.ivr.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.run.CallRun.Step;
import org.opencti.ivr.run.RunOutcome.End;
import org.opencti.ivr.tree.MenuTree;
import org.opencti.ivr.tree.Node;

/**
 * What each node does. Waiting nodes (menu, language choice, collect digits) try {@code 1 + retries} times, playing the
 * invalid prompt after input that is not accepted; when the tries are used up a menu goes to {@code onTimeout} or
 * {@code onInvalid} (by the last failure) and otherwise, like the other waiting nodes, to the person exit. An account check
 * allows {@code maxAttempts} account-and-PIN attempts, then goes to {@code onFailure}.
 */
final class NodeSteps {

    private static final int ACCOUNT_DIGITS = 16;
    private static final int PIN_DIGITS = 12;
    private static final int ACCOUNT_TIMEOUT_MS = 10_000;
    private static final int LANGUAGE_TIMEOUT_MS = 5000;

    private NodeSteps() {
    }

    static CompletionStage<Step> run(CallRun call, Node node) {
        if (node instanceof Node.Prompt p) {
            return play(call, p.prompts()).thenApply(v -> Step.go(p.next()));
        } else if (node instanceof Node.Menu m) {
            return menu(call, m, 1);
        } else if (node instanceof Node.LanguageChoice l) {
            return languageChoice(call, l, 1);
        } else if (node instanceof Node.CollectDigits c) {
            return collectDigits(call, c, 1);
        } else if (node instanceof Node.AccountCheck a) {
            return accountCheck(call, a, 1);
        } else if (node instanceof Node.DataDip d) {
            return dataDip(call, d);
        } else if (node instanceof Node.SayValue s) {
            return sayValue(call, s);
        } else if (node instanceof Node.SetData s) {
            s.values().forEach((name, value) -> setData(call, name, value));
            return go(s.next());
        } else if (node instanceof Node.Branch b) {
            return go(b.conditions().stream().filter(c -> holds(call.vars(), c)).map(Node.Condition::goTo).findFirst()
                    .orElse(b.otherwise()));
        } else if (node instanceof Node.BusinessHours h) {
            return call.runner().isOpen(h.calendar()).thenApply(open -> Step.go(open.orElse(true) ? h.open() : h.closed()));
        } else if (node instanceof Node.TransferToQueue t) {
            return call.transfer(t.queue());
        } else if (node instanceof Node.CallbackRequest c) {
            call.callbackQueue(c.queue());
            return go(c.next());
        } else if (node instanceof Node.Voicemail v) {
            return call.redirect(MenuRunner.MAILBOX, v.mailbox(), call.settings().voicemailContext(), v.mailbox());
        } else if (node instanceof Node.Hangup h) {
            return hangup(call, h);
        } else if (node instanceof Node.SubMenu s) {
            Optional<MenuTree> sub = call.trees().tree(s.tree());
            if (sub.isEmpty()) {
                return call.personExit();
            }
            call.enterSubTree(sub.get(), s.next());
            return go(sub.get().start());
        }
        throw new IllegalStateException("unknown node type " + node.getClass().getSimpleName());
    }

    private static CompletionStage<Step> go(String target) {
        return CompletableFuture.completedFuture(Step.go(target));
    }

    private static CompletionStage<Void> play(CallRun call, Map<String, String> prompts) {
        String file = call.prompt(prompts);
        if (file == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call.io().play(List.of(file), "").thenApply(d -> null);
    }

    private static CompletionStage<Void> invalid(CallRun call) {
        return call.io().play(List.of(call.localized(call.settings().invalidPrompt())), "").thenApply(d -> null);
    }

    private static CompletionStage<Step> menu(CallRun call, Node.Menu menu, int attempt) {
        return call.io().collect(call.prompt(menu.prompts()), 1, menu.timeoutMs(), "").thenCompose(input -> {
            String target = menu.choices().get(input.digits());
            if (target != null) {
                return go(target);
            }
            boolean timedOut = input.digits().isEmpty();
            if (attempt > menu.retries()) {
                String fallback = timedOut ? menu.onTimeout() : menu.onInvalid();
                return fallback != null ? go(fallback) : call.personExit();
            }
            CompletionStage<Void> before = timedOut ? CompletableFuture.completedFuture(null) : invalid(call);
            return before.thenCompose(v -> menu(call, menu, attempt + 1));
        });
    }

    private static CompletionStage<Step> languageChoice(CallRun call, Node.LanguageChoice choice, int attempt) {
        return call.io().collect(call.prompt(choice.prompts()), 1, LANGUAGE_TIMEOUT_MS, "").thenCompose(input -> {
            String language = choice.choices().get(input.digits());
            if (language != null) {
                call.language(language);
                return go(choice.next());
            }
            if (attempt > choice.retries()) {
                return call.personExit();
            }
            CompletionStage<Void> before = input.digits().isEmpty() ? CompletableFuture.completedFuture(null) : invalid(call);
            return before.thenCompose(v -> languageChoice(call, choice, attempt + 1));
        });
    }

    private static CompletionStage<Step> collectDigits(CallRun call, Node.CollectDigits node, int attempt) {
        return call.io().collect(call.prompt(node.prompts()), node.maxDigits(), node.timeoutMs(), node.terminator())
                .thenCompose(input -> {
                    String digits = input.digits();
                    if (digits.length() >= node.minDigits() && digits.length() <= node.maxDigits()) {
                        call.vars().put(node.variable(), digits);
                        call.lastDigits(digits);
                        return go(node.next());
                    }
                    if (attempt > node.retries()) {
                        return call.personExit();
                    }
                    CompletionStage<Void> before = digits.isEmpty() ? CompletableFuture.completedFuture(null) : invalid(call);
                    return before.thenCompose(v -> collectDigits(call, node, attempt + 1));
                });
    }

    /** Account number (the node's prompt), then the PIN; the PIN is checked by the verifier and never kept. */
    private static CompletionStage<Step> accountCheck(CallRun call, Node.AccountCheck node, int attempt) {
        CallerIo io = call.io();
        return io.collect(call.prompt(node.prompts()), ACCOUNT_DIGITS, ACCOUNT_TIMEOUT_MS, "#").thenCompose(account -> {
            if (account.digits().isEmpty()) {
                return accountRetry(call, node, attempt, false);
            }
            return io.collect(call.localized(call.settings().pinPrompt()), PIN_DIGITS, ACCOUNT_TIMEOUT_MS, "#")
                    .thenCompose(pin -> pin.digits().isEmpty() ? CompletableFuture.completedFuture(Optional.of(false))
                            : call.runner().verify(account.digits(), pin.digits()))
                    .thenCompose(verified -> {
                        if (verified.isEmpty()) {
                            return go(node.onFailure());
                        }
                        if (verified.get()) {
                            call.vars().put(node.accountVariable(), account.digits());
                            call.account(account.digits());
                            return go(node.onSuccess());
                        }
                        return accountRetry(call, node, attempt, true);
                    });
        });
    }

    private static CompletionStage<Step> accountRetry(CallRun call, Node.AccountCheck node, int attempt, boolean wrong) {
        if (attempt >= node.maxAttempts()) {
            return go(node.onFailure());
        }
        CompletionStage<Void> before = wrong ? invalid(call) : CompletableFuture.completedFuture(null);
        return before.thenCompose(v -> accountCheck(call, node, attempt + 1));
    }

    private static CompletionStage<Step> dataDip(CallRun call, Node.DataDip dip) {
        CompletionStage<Optional<Map<String, String>>> data;
        if (dip.lookup() == Node.Lookup.CALLER) {
            data = CompletableFuture.completedFuture(call.callerData());
        } else if (dip.lookup() == Node.Lookup.ORDER) {
            String account = call.identifiedAccount();
            String order = call.lastDigits();
            data = account == null || order == null ? CompletableFuture.completedFuture(Optional.empty())
                    : call.runner().lookupOrder(account, order);
        } else {
            String account = call.account();
            data = account == null ? CompletableFuture.completedFuture(Optional.empty()) : call.runner().lookupByAccount(account);
        }
        return data.thenApply(found -> {
            found.ifPresent(call::remember);
            return Step.go(found.isPresent() ? dip.onFound() : dip.onNotFound());
        });
    }

    private static CompletionStage<Step> sayValue(CallRun call, Node.SayValue say) {
        String value = call.vars().get(say.variable());
        return play(call, say.prompts())
                .thenCompose(v -> value == null || value.isBlank() ? CompletableFuture.completedFuture(null)
                        : call.io().say(value, say.kind()))
                .thenApply(v -> Step.go(say.next()));
    }

    private static void setData(CallRun call, String name, String value) {
        switch (name) {
            case "intent" -> call.vars().put(MenuRunner.INTENT, value);
            case "priority" -> call.vars().put(MenuRunner.PRIORITY, value);
            case "skills" -> call.vars().put(MenuRunner.SKILLS, value);
            case "language" -> call.language(value);
            default -> call.vars().put(name, value);
        }
    }

    private static boolean holds(Map<String, String> vars, Node.Condition condition) {
        String value = vars.get(condition.variable());
        return switch (condition.operator()) {
            case EQUALS -> value != null && condition.values().size() == 1 && condition.values().get(0).equals(value);
            case IN -> value != null && condition.values().contains(value);
            case EXISTS -> value != null && !value.isEmpty();
            default -> false;
        };
    }

    /** Plays the goodbye; after a callback request the dialplan registers it (and hangs up), otherwise hangs up. */
    private static CompletionStage<Step> hangup(CallRun call, Node.Hangup node) {
        CompletionStage<Void> goodbye = play(call, node.prompts());
        String queue = call.callbackQueue();
        if (queue != null) {
            return goodbye.thenCompose(v -> call.redirect(MenuRunner.CALLBACK, queue, call.settings().callbackContext(), queue));
        }
        return goodbye.thenCompose(v -> call.io().hangup()).thenApply(v -> new Step(null, End.SELF_SERVICE));
    }
}
