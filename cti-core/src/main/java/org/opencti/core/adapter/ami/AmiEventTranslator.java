package org.opencti.core.adapter.ami;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;

/**
 * Turns Asterisk-Java's mutable event beans into our immutable {@link PbxEvent} records. Pure: no I/O,
 * no state; the only outside input is the clock, used when an event has no {@code Timestamp} header.
 *
 * <p>Conventions: Asterisk's placeholder {@code <unknown>} and empty strings become {@code null} (they
 * are not a caller number); a global VarSet ({@code Channel: none}) has no channel and is not
 * translated; DTMF is reported once per digit, on {@code DTMFEnd}. Events we do not model give
 * {@code null}. Connection lifecycle events (FullyBooted, Connect, Disconnect) are handled by
 * {@link AmiLink}, not here.
 */
public final class AmiEventTranslator {
    private final Clock clock;

    public AmiEventTranslator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The record for {@code event}, or {@code null} if we do not model that event. */
    public PbxEvent translate(ManagerEvent event) {
        Instant at = at(event);
        if (event instanceof NewChannelEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedid());
            return ref == null ? null : new PbxEvent.ChannelCreated(at, ref, clean(e.getCallerIdNum()),
                clean(e.getCallerIdName()), clean(e.getContext()), clean(e.getExten()));
        }
        if (event instanceof NewStateEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.ChannelStateChanged(at, ref, ChannelState.fromAmi(e.getChannelState()));
        }
        if (event instanceof NewExtenEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.DialplanStep(at, ref, clean(e.getContext()), exten(e.getExtension(), e.getExten()),
                e.getPriority() == null ? 0 : e.getPriority(), clean(e.getApplication()),
                clean(e.getCallerIdNum()), clean(e.getCallerIdName()));
        }
        if (event instanceof NewCallerIdEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.CallerIdChanged(at, ref, clean(e.getCallerIdNum()), clean(e.getCallerIdName()));
        }
        if (event instanceof VarSetEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null || e.getVariable() == null ? null
                : new PbxEvent.VariableSet(at, ref, e.getVariable(), e.getValue() == null ? "" : e.getValue());
        }
        return translateMore(event, at);
    }

    private PbxEvent translateMore(ManagerEvent event, Instant at) {
        if (event instanceof BridgeEnterEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.BridgeEntered(at, ref, e.getBridgeUniqueId());
        }
        if (event instanceof BridgeLeaveEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.BridgeLeft(at, ref, e.getBridgeUniqueId());
        }
        if (event instanceof HangupEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null ? null : new PbxEvent.ChannelHungUp(at, ref, e.getCause() == null ? 0 : e.getCause(),
                clean(e.getCauseTxt()));
        }
        if (event instanceof DtmfEndEvent e) {
            ChannelRef ref = ref(e.getUniqueId(), e.getChannel(), e.getLinkedId());
            return ref == null || e.getDigit() == null ? null : new PbxEvent.DtmfReceived(at, ref, e.getDigit(),
                e.isReceived(), e.getDurationMs() == null ? 0 : e.getDurationMs());
        }
        if (event instanceof OriginateResponseEvent e) {
            return new PbxEvent.OriginateCompleted(at, e.getActionId(), e.isSuccess(),
                e.getReason() == null ? 0 : e.getReason(), clean(e.getUniqueId()), clean(e.getChannel()));
        }
        if (event instanceof ChanSpyStartEvent e) {
            ChannelRef spyer = ref(e.getSpyerUniqueId(), e.getSpyerChannel(), e.getSpyerLinkedId());
            ChannelRef spyee = ref(e.getSpyeeUniqueId(), e.getSpyeeChannel(), e.getSpyeeLinkedId());
            return spyer == null || spyee == null ? null : new PbxEvent.SpyStarted(at, spyer, spyee);
        }
        if (event instanceof ChanSpyStopEvent e) {
            ChannelRef spyer = ref(e.getSpyerUniqueId(), e.getSpyerChannel(), e.getSpyerLinkedId());
            ChannelRef spyee = ref(e.getSpyeeUniqueId(), e.getSpyeeChannel(), e.getSpyeeLinkedId());
            return spyer == null || spyee == null ? null : new PbxEvent.SpyStopped(at, spyer, spyee);
        }
        if (event instanceof ShutdownEvent e) {
            return new PbxEvent.PbxShutdown(at, Boolean.TRUE.equals(e.getRestart()));
        }
        if (event instanceof CapturingUserEvent e) {
            return new PbxEvent.UserEventReceived(at, e.name(), e.headers());
        }
        if (event instanceof UserEvent e) {
            return new PbxEvent.UserEventReceived(at, userEventName(e), Map.of());
        }
        return null;
    }

    /** One CoreShowChannel list item as a live channel (its state and where it is in the dialplan). */
    public LiveChannel toLiveChannel(CoreShowChannelEvent e) {
        ChannelRef ref = ref(e.getUniqueid(), e.getChannel(), e.getLinkedid());
        if (ref == null) {
            return null;
        }
        return new LiveChannel(ref, ChannelState.fromAmi(e.getChannelState()), clean(e.getCallerIdNum()),
            clean(e.getCallerIdName()), clean(e.getContext()), exten(e.getExtension(), e.getExten()), clean(e.getApplication()),
            clean(e.getBridgeid()));
    }

    /** The channels of a CoreShowChannels answer, in the PBX's order. */
    public List<LiveChannel> toLiveChannels(Collection<? extends ResponseEvent> events) {
        List<LiveChannel> channels = new ArrayList<>();
        for (ResponseEvent event : events) {
            if (event instanceof CoreShowChannelEvent item) {
                LiveChannel live = toLiveChannel(item);
                if (live != null) {
                    channels.add(live);
                }
            }
        }
        return channels;
    }

    /** The event's {@code Timestamp} header if it has one, else now by the injected clock. */
    public Instant at(ManagerEvent event) {
        Double ts = event.getTimestamp();
        if (ts == null || ts <= 0) {
            return clock.instant();
        }
        long micros = Math.round(ts * 1_000_000d);
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static String userEventName(UserEvent e) {
        String simple = e.getClass().getSimpleName();
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    private static ChannelRef ref(String uniqueId, String name, String linkedId) {
        String id = clean(uniqueId);
        String channel = clean(name);
        if (id == null || channel == null || "none".equals(id)) {
            return null;
        }
        return new ChannelRef(id, channel, clean(linkedId));
    }

    private static String exten(String extension, String exten) {
        return clean(extension) != null ? clean(extension) : clean(exten);
    }

    static String clean(String value) {
        if (value == null || value.isEmpty() || "<unknown>".equals(value)) {
            return null;
        }
        return value;
    }
}
