package org.opencti.pbxsim;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one live channel, as {@link PbxSimulator#channels()} returns it.
 *
 * @param bridgeId the BridgeUniqueid, or {@code ""} when not bridged
 * @param application the application running ({@code ""} when bridged or between steps)
 */
public record SimChannel(String name, String uniqueid, String linkedid, ChannelState state, String callerIdNum,
                         String callerIdName, String context, String exten, int priority, String application,
                         String applicationData, String bridgeId, Map<String, String> variables, Instant created) {
    public SimChannel {
        variables = Map.copyOf(variables);
    }

    public boolean bridged() {
        return !bridgeId.isEmpty();
    }
}
