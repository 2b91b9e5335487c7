package org.opencti.ivr.agi;

import java.util.concurrent.CompletionStage;

/**
 * A FastAGI script: one conversation with one channel. It must not block: it chains {@link AgiChannel}
 * commands and returns a stage that completes when it is done; the session then closes the connection
 * (and Asterisk continues the dialplan, at the context/extension/priority the script set, if any).
 * Completing exceptionally is logged and counted, except when the caller is gone
 * ({@link AgiException#isCallerGone}).
 */
@FunctionalInterface
public interface AgiScript {
    CompletionStage<Void> run(AgiRequest request, AgiChannel channel);
}
