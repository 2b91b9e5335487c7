package org.opencti.core.event;

/** One row of CoreShowChannels: what a channel is doing right now. */
public record LiveChannel(ChannelRef channel, ChannelState state, String callerIdNum, String callerIdName,
                          String context, String exten, String application, String bridgeId) {

    /** The same row as a node with several boxes sees it (see {@link ChannelRef#onBox}). */
    public LiveChannel onBox(String box) {
        return new LiveChannel(channel.onBox(box), state, callerIdNum, callerIdName, context, exten, application, bridgeId);
    }
}
