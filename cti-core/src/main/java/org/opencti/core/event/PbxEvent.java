package org.opencti.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the PBX told us, as immutable records. The AMI adapter is the only place that knows the
 * wire shapes; everything after it sees only these.
 *
 * <p>On a node with several Asterisk boxes every event is passed on {@link #onBox tagged with its box}: channels carry
 * the box and box-prefixed ids ({@link ChannelRef#onBox}), and the events about the link itself name the box in
 * {@code box} (null with a single box), so that a restart of one box is told apart from the others.
 */
public sealed interface PbxEvent {
    Instant at();

    /** This event as a node with several boxes passes it on: from {@code box}, its channels' ids prefixed with it. */
    PbxEvent onBox(String box);

    /** The event concerns one channel. */
    sealed interface OnChannel extends PbxEvent {
        ChannelRef channel();
    }

    record ChannelCreated(Instant at, ChannelRef channel, String callerIdNum, String callerIdName,
                          String context, String exten) implements OnChannel {
        @Override
        public ChannelCreated onBox(String box) {
            return new ChannelCreated(at, channel.onBox(box), callerIdNum, callerIdName, context, exten);
        }
    }


    record ChannelStateChanged(Instant at, ChannelRef channel, ChannelState state) implements OnChannel {
        @Override
        public ChannelStateChanged onBox(String box) {
            return new ChannelStateChanged(at, channel.onBox(box), state);
        }
    }


    /** Newexten: the channel runs a dialplan step. Caller ID is the channel snapshot's at that moment. */
    record DialplanStep(Instant at, ChannelRef channel, String context, String exten, int priority,
                        String application, String callerIdNum, String callerIdName) implements OnChannel {
        @Override
        public DialplanStep onBox(String box) {
            return new DialplanStep(at, channel.onBox(box), context, exten, priority, application, callerIdNum, callerIdName);
        }
    }


    /** NewCallerid: the channel's caller ID changed (a Local channel gets it after Newchannel). */
    record CallerIdChanged(Instant at, ChannelRef channel, String callerIdNum, String callerIdName)
        implements OnChannel {
        @Override
        public CallerIdChanged onBox(String box) {
            return new CallerIdChanged(at, channel.onBox(box), callerIdNum, callerIdName);
        }
    }


    record VariableSet(Instant at, ChannelRef channel, String name, String value) implements OnChannel {
        @Override
        public VariableSet onBox(String box) {
            return new VariableSet(at, channel.onBox(box), name, value);
        }
    }


    record BridgeEntered(Instant at, ChannelRef channel, String bridgeId) implements OnChannel {
        @Override
        public BridgeEntered onBox(String box) {
            return new BridgeEntered(at, channel.onBox(box), bridgeId);
        }
    }


    record BridgeLeft(Instant at, ChannelRef channel, String bridgeId) implements OnChannel {
        @Override
        public BridgeLeft onBox(String box) {
            return new BridgeLeft(at, channel.onBox(box), bridgeId);
        }
    }


    record ChannelHungUp(Instant at, ChannelRef channel, int cause, String causeText) implements OnChannel {
        @Override
        public ChannelHungUp onBox(String box) {
            return new ChannelHungUp(at, channel.onBox(box), cause, causeText);
        }
    }


    record DtmfReceived(Instant at, ChannelRef channel, String digit, boolean received, long durationMs)
        implements OnChannel {
        @Override
        public DtmfReceived onBox(String box) {
            return new DtmfReceived(at, channel.onBox(box), digit, received, durationMs);
        }
    }


    /** A UserEvent; {@code box} as in {@link PbxReady}. */
    record UserEventReceived(Instant at, String name, Map<String, String> headers, String box) implements PbxEvent {
        public UserEventReceived {
            headers = Map.copyOf(headers);
        }

        public UserEventReceived(Instant at, String name, Map<String, String> headers) {
            this(at, name, headers, null);
        }

        @Override
        public UserEventReceived onBox(String box) {
            return new UserEventReceived(at, name, headers, box);
        }
    }

    /** The answer to an asynchronous Originate; reference is the ActionID we sent. */
    record OriginateCompleted(Instant at, String reference, boolean success, int reason, String uniqueId,
                              String channelName) implements PbxEvent {
        /** The new channel's id and name prefixed with {@code box}, like {@link ChannelRef#onBox}; the reference stays. */
        @Override
        public OriginateCompleted onBox(String box) {
            return new OriginateCompleted(at, reference, success, reason, ChannelRef.qualify(box, uniqueId),
                ChannelRef.qualify(box, channelName));
        }
    }


    /**
     * ChanSpyStart: {@code spyer} (a supervisor's channel running ChanSpy) now hears {@code spyee}. The mode (listen,
     * whisper, barge) is not in the event: only the originate that started the spy knows it.
     */
    record SpyStarted(Instant at, ChannelRef spyer, ChannelRef spyee) implements PbxEvent {
        @Override
        public SpyStarted onBox(String box) {
            return new SpyStarted(at, spyer.onBox(box), spyee.onBox(box));
        }
    }


    /** ChanSpyStop: the spy on {@code spyee} ended (the supervisor hung up, or the spied-on call ended). */
    record SpyStopped(Instant at, ChannelRef spyer, ChannelRef spyee) implements PbxEvent {
        @Override
        public SpyStopped onBox(String box) {
            return new SpyStopped(at, spyer.onBox(box), spyee.onBox(box));
        }
    }


    /**
     * Logged in and the PBX is fully booted; uptime tells a restart from a reconnect. {@code box}: which of several
     * Asterisk boxes, null when the node has one.
     */
    record PbxReady(Instant at, long uptimeSeconds, boolean reconnect, String box) implements PbxEvent {
        public PbxReady(Instant at, long uptimeSeconds, boolean reconnect) {
            this(at, uptimeSeconds, reconnect, null);
        }

        @Override
        public PbxReady onBox(String box) {
            return new PbxReady(at, uptimeSeconds, reconnect, box);
        }
    }

    /** The AMI link to the PBX (to {@code box}, as in {@link PbxReady}) is down. */
    record PbxLinkLost(Instant at, String why, String box) implements PbxEvent {
        public PbxLinkLost(Instant at, String why) {
            this(at, why, null);
        }

        @Override
        public PbxLinkLost onBox(String box) {
            return new PbxLinkLost(at, why, box);
        }
    }

    /** The PBX ({@code box}, as in {@link PbxReady}) is shutting down, or restarting. */
    record PbxShutdown(Instant at, boolean restarting, String box) implements PbxEvent {
        public PbxShutdown(Instant at, boolean restarting) {
            this(at, restarting, null);
        }

        @Override
        public PbxShutdown onBox(String box) {
            return new PbxShutdown(at, restarting, box);
        }
    }

    /**
     * After a (re)connect: every channel the PBX has now. Replaces whatever we believed of that PBX: with {@code box}
     * set, only that box's channels (the other boxes did not restart); with null (a single box), every channel.
     */
    record ChannelsResynced(Instant at, List<LiveChannel> channels, boolean pbxRestarted, String box) implements PbxEvent {
        public ChannelsResynced {
            channels = List.copyOf(channels);
        }

        public ChannelsResynced(Instant at, List<LiveChannel> channels, boolean pbxRestarted) {
            this(at, channels, pbxRestarted, null);
        }

        @Override
        public ChannelsResynced onBox(String box) {
            return new ChannelsResynced(at, channels.stream().map(c -> c.onBox(box)).toList(), pbxRestarted, box);
        }
    }
}
