package org.opencti.ivr.run;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.tree.Node.ValueKind;

/**
 * What the menu interpreter needs from the call, all non-blocking: every stage completes when the caller's side has
 * answered. A caller who hangs up fails the stage (and every later one) with {@link org.opencti.ivr.agi.CallerHungUp}
 * (or another failure for which {@link org.opencti.ivr.agi.AgiException#isCallerGone} holds).
 */
public interface CallerIo {

    /** Digits the caller entered; empty when nothing was entered before the timeout. */
    record Input(String digits, boolean timedOut) {

        public Input {
            digits = digits == null ? "" : digits;
        }

        public static Input of(String digits) {
            return new Input(digits, false);
        }

        public static Input timeout() {
            return new Input("", true);
        }
    }

    /** Plays the files in order; a digit of {@code escapeDigits} stops playback and is returned. */
    CompletionStage<Optional<String>> play(List<String> files, String escapeDigits);

    /**
     * Plays {@code prompt} and collects up to {@code maxDigits} digits, ending early on {@code terminator} (not part of the
     * result; empty for none) or after {@code timeoutMs} without a key.
     */
    CompletionStage<Input> collect(String prompt, int maxDigits, int timeoutMs, String terminator);

    /** Says a value (a number, digits, an amount of money, a date, an order status). */
    CompletionStage<Void> say(String value, ValueKind kind);

    /** Sets a channel variable the dialplan and the ACD can read. */
    CompletionStage<Void> setVariable(String name, String value);

    /** Ends the IVR placing the caller in the ACD's hold context ({@code holdContext,s,1}). */
    CompletionStage<Void> transfer(String holdContext);

    /** Ends the IVR continuing the dialplan at {@code context,exten,1} (voicemail, callback registration). */
    CompletionStage<Void> redirect(String context, String exten);

    /** Hangs up the call. */
    CompletionStage<Void> hangup();
}
