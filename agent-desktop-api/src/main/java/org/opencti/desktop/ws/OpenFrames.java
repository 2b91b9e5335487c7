package org.opencti.desktop.ws;

import java.util.List;
import org.opencti.core.desktop.DesktopEvent;

/**
 * What an agent's page must still show although the event that showed it is past: an open campaign preview, a campaign
 * call waiting for its disposition. {@link DesktopHub} sends these to a socket of the agent's right after its hello, so a
 * page that reconnects (or is reloaded) shows them again. Called on any thread; must not block.
 */
@FunctionalInterface
public interface OpenFrames {
    /** The agent's open events, oldest first; empty when there are none. */
    List<DesktopEvent> of(String agentId);

    /** Nothing stays open (no campaign runs). */
    OpenFrames NONE = agentId -> List.of();
}
