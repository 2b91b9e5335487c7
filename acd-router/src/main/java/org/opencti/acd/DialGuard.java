package org.opencti.acd;

import java.util.Optional;

/**
 * What is checked before the ACD dials a number an agent clicked: the do-not-call lists (the dialer's, wired by the
 * server). May block: the ACD calls it on its worker, never on its own thread.
 */
@FunctionalInterface
public interface DialGuard {
    /** Nothing to check. */
    DialGuard NONE = e164 -> Optional.empty();

    /** Empty when {@code e164} may be dialed; else why not, in words for the agent. */
    Optional<String> refusal(String e164);
}
