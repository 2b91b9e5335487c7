package org.opencti.ivr.run;

import java.util.concurrent.CompletionStage;

/**
 * Checks an account's PIN. Must not block; the interpreter applies the deadline and sends a caller whose PIN could not be
 * checked in time to the account check's {@code onFailure} at once (no retry against a service that is down).
 */
@FunctionalInterface
public interface PinVerifier {

    CompletionStage<Boolean> verify(String account, String pin);
}
