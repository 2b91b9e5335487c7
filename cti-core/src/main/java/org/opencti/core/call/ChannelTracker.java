package org.opencti.core.call;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;

/**
 * What we know of each live channel, built from PBX events: caller ID, where it is in the dialplan, its
 * variables and its bridge. Not thread-safe: owned by whoever feeds it events.
 *
 * <p>With several Asterisk boxes a resync replaces only the channels of the box it came from: the list of one box says
 * nothing about another, whose calls go on.
 */
public final class ChannelTracker {
    private final Map<String, TrackedChannel> byUniqueId = new HashMap<>();

    /** Mutable view of one channel, kept by the tracker. */
    public static final class TrackedChannel {
        private final String uniqueId;
        private String box;
        private String name;
        private String linkedId;
        private String callerIdNum;
        private String callerIdName;
        private String context;
        private String bridgeId;
        private final Map<String, String> variables = new HashMap<>();

        TrackedChannel(String uniqueId) {
            this.uniqueId = uniqueId;
        }

        public String uniqueId() {
            return uniqueId;
        }

        public String name() {
            return name;
        }

        /** The Asterisk box the channel is on; null with a single box. */
        public String box() {
            return box;
        }

        public String linkedId() {
            return linkedId;
        }

        public String callerIdNum() {
            return callerIdNum;
        }

        public String callerIdName() {
            return callerIdName;
        }

        public String context() {
            return context;
        }

        public String bridgeId() {
            return bridgeId;
        }

        public Optional<String> variable(String name) {
            return Optional.ofNullable(variables.get(name));
        }

        private void callerId(String num, String nameValue) {
            if (known(num)) {
                callerIdNum = num;
            }
            if (known(nameValue)) {
                callerIdName = nameValue;
            }
        }

        private static boolean known(String v) {
            return v != null && !v.isEmpty() && !"<unknown>".equals(v);
        }
    }

    /** Applies one event; returns the channel it concerns, if any. */
    public Optional<TrackedChannel> apply(PbxEvent event) {
        if (event instanceof PbxEvent.ChannelsResynced r) {
            resync(r.box(), r.channels());
            return Optional.empty();
        }
        if (!(event instanceof PbxEvent.OnChannel on)) {
            return Optional.empty();
        }
        if (event instanceof PbxEvent.ChannelHungUp) {
            return Optional.ofNullable(byUniqueId.remove(on.channel().uniqueId()));
        }
        TrackedChannel ch = byUniqueId.computeIfAbsent(on.channel().uniqueId(), TrackedChannel::new);
        ch.name = on.channel().name();
        ch.box = on.channel().box();
        ch.linkedId = on.channel().linkedId();
        if (event instanceof PbxEvent.ChannelCreated c) {
            ch.callerId(c.callerIdNum(), c.callerIdName());
            ch.context = c.context();
        } else if (event instanceof PbxEvent.CallerIdChanged c) {
            ch.callerId(c.callerIdNum(), c.callerIdName());
        } else if (event instanceof PbxEvent.DialplanStep d) {
            ch.callerId(d.callerIdNum(), d.callerIdName());
            ch.context = d.context();
        } else if (event instanceof PbxEvent.VariableSet v) {
            ch.variables.put(v.name(), v.value());
        } else if (event instanceof PbxEvent.BridgeEntered b) {
            ch.bridgeId = b.bridgeId();
        } else if (event instanceof PbxEvent.BridgeLeft) {
            ch.bridgeId = null;
        }
        return Optional.of(ch);
    }

    /**
     * The PBX's list is the truth: drop what it no longer has, learn what we missed; keep variables we knew. Only the
     * channels of {@code box} are replaced (all of them when null: the node's only PBX).
     */
    private void resync(String box, Collection<LiveChannel> live) {
        Map<String, TrackedChannel> next = new HashMap<>();
        for (LiveChannel lc : live) {
            TrackedChannel ch = byUniqueId.getOrDefault(lc.channel().uniqueId(), new TrackedChannel(lc.channel().uniqueId()));
            ch.name = lc.channel().name();
            ch.box = lc.channel().box();
            ch.linkedId = lc.channel().linkedId();
            ch.callerId(lc.callerIdNum(), lc.callerIdName());
            ch.context = lc.context();
            ch.bridgeId = lc.bridgeId() == null || lc.bridgeId().isEmpty() ? null : lc.bridgeId();
            next.put(ch.uniqueId, ch);
        }
        byUniqueId.values().removeIf(ch -> box == null || box.equals(ch.box));
        byUniqueId.putAll(next);
    }

    public Optional<TrackedChannel> get(String uniqueId) {
        return Optional.ofNullable(byUniqueId.get(uniqueId));
    }

    public boolean isLive(String uniqueId) {
        return byUniqueId.containsKey(uniqueId);
    }

    public int size() {
        return byUniqueId.size();
    }
}
