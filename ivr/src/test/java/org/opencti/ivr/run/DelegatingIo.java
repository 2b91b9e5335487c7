package org.opencti.ivr.run;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.tree.Node.ValueKind;

/** Passes everything to another {@link CallerIo}; tests override what should behave differently. */
class DelegatingIo implements CallerIo {

    private final CallerIo to;

    DelegatingIo(CallerIo to) {
        this.to = to;
    }

    @Override
    public CompletionStage<Optional<String>> play(List<String> files, String escapeDigits) {
        return to.play(files, escapeDigits);
    }

    @Override
    public CompletionStage<Input> collect(String prompt, int maxDigits, int timeoutMs, String terminator) {
        return to.collect(prompt, maxDigits, timeoutMs, terminator);
    }

    @Override
    public CompletionStage<Void> say(String value, ValueKind kind) {
        return to.say(value, kind);
    }

    @Override
    public CompletionStage<Void> setVariable(String name, String value) {
        return to.setVariable(name, value);
    }

    @Override
    public CompletionStage<Void> transfer(String holdContext) {
        return to.transfer(holdContext);
    }

    @Override
    public CompletionStage<Void> redirect(String context, String exten) {
        return to.redirect(context, exten);
    }

    @Override
    public CompletionStage<Void> hangup() {
        return to.hangup();
    }
}
