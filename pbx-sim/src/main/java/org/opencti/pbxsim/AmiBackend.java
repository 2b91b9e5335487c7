package org.opencti.pbxsim;

import java.time.Clock;
import java.time.Duration;

/**
 * What {@link AmiSessionHandler} needs from the PBX. The handler itself answers the session-level actions
 * (Login, Challenge, Logoff, Ping, Events); every other action goes to {@link #dispatch}.
 */
public interface AmiBackend {

    /** Runs {@code task} on the thread that owns the PBX state (in submission order). */
    void execute(Runnable task);

    /** The secret of {@code username}, or {@code null} if there is no such AMI user. */
    String secretOf(String username);

    Clock clock();

    /** Seconds since the PBX (re)started, for FullyBooted {@code Uptime}. */
    long uptimeSeconds();

    /** Seconds since the last reload, for FullyBooted {@code LastReload}. */
    long lastReloadSeconds();

    /** How long a failed Login waits before its error (Asterisk sleeps 1 s). */
    Duration authFailureDelay();

    /** Whether {@code actionLowerCase} is an action {@link #dispatch} knows. */
    boolean supports(String actionLowerCase);

    /** Handles a call-level action of an authenticated session (on {@link #execute}'s thread); answers go to {@code session.send}. */
    void dispatch(AmiSession session, AmiMessage action);

    /** Every action name received, counted (Login and Logoff included). */
    void actionReceived(String actionName);

    /** The session logged in: from now on it receives events. */
    void authenticated(AmiSession session);

    /** The connection closed. */
    void closed(AmiSession session);
}
