package org.opencti.core.event;

/** One row of CoreShowChannels: what a channel is doing right now. */
public record LiveChannel(ChannelRef channel, ChannelState state, String callerIdNum, String callerIdName,
                          String context, String exten, String application, String bridgeId) {
}
