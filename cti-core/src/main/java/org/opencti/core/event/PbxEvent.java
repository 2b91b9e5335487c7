package org.opencti.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the PBX told us, as immutable records. The AMI adapter is the only place that knows the
 * wire shapes; everything after it sees only these.
 */
public sealed interface PbxEvent {
    Instant at();

    /** The event concerns one channel. */
    sealed interface OnChannel extends PbxEvent {
        ChannelRef channel();
    }

    record ChannelCreated(Instant at, ChannelRef channel, String callerIdNum, String callerIdName,
                          String context, String exten) implements OnChannel { }

    record ChannelStateChanged(Instant at, ChannelRef channel, ChannelState state) implements OnChannel { }

    /** Newexten: the channel runs a dialplan step. Caller ID is the channel snapshot's at that moment. */
    record DialplanStep(Instant at, ChannelRef channel, String context, String exten, int priority,
                        String application, String callerIdNum, String callerIdName) implements OnChannel { }

    /** NewCallerid: the channel's caller ID changed (a Local channel gets it after Newchannel). */
    record CallerIdChanged(Instant at, ChannelRef channel, String callerIdNum, String callerIdName)
        implements OnChannel { }

    record VariableSet(Instant at, ChannelRef channel, String name, String value) implements OnChannel { }

    record BridgeEntered(Instant at, ChannelRef channel, String bridgeId) implements OnChannel { }

    record BridgeLeft(Instant at, ChannelRef channel, String bridgeId) implements OnChannel { }

    record ChannelHungUp(Instant at, ChannelRef channel, int cause, String causeText) implements OnChannel { }

    record DtmfReceived(Instant at, ChannelRef channel, String digit, boolean received, long durationMs)
        implements OnChannel { }

    record UserEventReceived(Instant at, String name, Map<String, String> headers) implements PbxEvent {
        public UserEventReceived {
            headers = Map.copyOf(headers);
        }
    }

    /** The answer to an asynchronous Originate; reference is the ActionID we sent. */
    record OriginateCompleted(Instant at, String reference, boolean success, int reason, String uniqueId,
                              String channelName) implements PbxEvent { }

    /**
     * ChanSpyStart: {@code spyer} (a supervisor's channel running ChanSpy) now hears {@code spyee}. The mode (listen,
     * whisper, barge) is not in the event: only the originate that started the spy knows it.
     */
    record SpyStarted(Instant at, ChannelRef spyer, ChannelRef spyee) implements PbxEvent { }

    /** ChanSpyStop: the spy on {@code spyee} ended (the supervisor hung up, or the spied-on call ended). */
    record SpyStopped(Instant at, ChannelRef spyer, ChannelRef spyee) implements PbxEvent { }

    /** Logged in and the PBX is fully booted; uptime tells a restart from a reconnect. */
    record PbxReady(Instant at, long uptimeSeconds, boolean reconnect) implements PbxEvent { }

    record PbxLinkLost(Instant at, String why) implements PbxEvent { }

    record PbxShutdown(Instant at, boolean restarting) implements PbxEvent { }

    /** After a (re)connect: every channel the PBX has now. Replaces whatever we believed. */
    record ChannelsResynced(Instant at, List<LiveChannel> channels, boolean pbxRestarted) implements PbxEvent {
        public ChannelsResynced {
            channels = List.copyOf(channels);
        }
    }
}
