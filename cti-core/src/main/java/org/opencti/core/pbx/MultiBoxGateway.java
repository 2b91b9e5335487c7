package org.opencti.core.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link PbxGateway} over several Asterisk boxes, each reached through its own gateway (its own AMI link).
 *
 * <p>Events: every box's events are passed on {@linkplain PbxEvent#onBox tagged with the box}, so channel ids and names
 * are prefixed with it ({@code b:Local/2001@agents-00000000;1}) and stay unique across boxes, and the link events
 * ({@code PbxReady}, {@code PbxLinkLost}, {@code PbxShutdown}, {@code ChannelsResynced}) say which box they are about.
 * Each box's events reach the listeners in that box's order, on that box's delivery thread: listeners may be called from
 * several threads at once (the ACD hops onto its owner anyway), and there is no order between boxes, as there is none
 * in time between two PBXs.
 *
 * <p>Actions: a channel name is a prefixed one from the events; the action goes to its box without the prefix.
 * {@code bridge} and {@code redirectBoth} of channels on two boxes are refused ({@link CrossBoxException}): Asterisk
 * bridges only its own channels. An originate runs on the box of {@link OriginateRequest#sameBoxAs()} (the caller, for
 * an agent leg), else on the dialled phone's home box, else on the first box that is up. A phone homed on another box
 * than the one dialling is reached through that box's {@link Box#reach} (a trunk: {@code IAX2/pbx-b/2001}). Spying runs
 * on the spied-on channel's box, the supervisor's phone reached the same way. A phone's state is asked of its home box.
 */
public final class MultiBoxGateway implements PbxGateway {
    private static final Logger LOG = LoggerFactory.getLogger(MultiBoxGateway.class);

    /**
     * How a phone homed on a box is dialled from another box: the dial string, or null when it cannot be (no trunk).
     */
    @FunctionalInterface
    public interface PhoneReach {
        String from(String otherBox, String phone);
    }

    /**
     * One Asterisk box.
     *
     * @param name    the box's name: the prefix of its channels, in {@code [A-Za-z0-9._-]}
     * @param gateway its own gateway
     * @param reach   how its phones are dialled from the other boxes; null when they cannot be
     */
    public record Box(String name, PbxGateway gateway, PhoneReach reach) {
        public Box {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(gateway, "gateway");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("not a box name: \"" + name + "\"");
            }
        }
    }

    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final Map<String, String> phoneBoxes;
    private final List<PbxEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    /**
     * @param boxes      at least one, names unique; the first is where an originate goes when nothing else decides
     * @param phoneBoxes the home box of each phone (agents' and supervisors' dial strings); phones not listed (outside
     *                   numbers) are dialled on whichever box originates
     */
    public MultiBoxGateway(List<Box> boxes, Map<String, String> phoneBoxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("at least one box is required");
        }
        for (Box box : boxes) {
            if (this.boxes.putIfAbsent(box.name(), box) != null) {
                throw new IllegalArgumentException("duplicate box \"" + box.name() + "\"");
            }
            up.put(box.name(), false);
            box.gateway().addListener(event -> deliver(box.name(), event));
        }
        phoneBoxes.forEach((phone, box) -> {
            if (!this.boxes.containsKey(box)) {
                throw new IllegalArgumentException("phone " + phone + " is on box \"" + box + "\", which is not one of "
                    + this.boxes.keySet());
            }
        });
        this.phoneBoxes = Map.copyOf(phoneBoxes);
    }

    /** The box a prefixed channel name or id is on, or empty when it names none of this gateway's boxes. */
    public Optional<String> boxOf(String channel) {
        int sep = channel == null ? -1 : channel.indexOf(ChannelRef.BOX_SEPARATOR);
        return sep > 0 && boxes.containsKey(channel.substring(0, sep)) ? Optional.of(channel.substring(0, sep))
            : Optional.empty();
    }

    /** Whether the box's link is up: between its {@code PbxReady} and its next {@code PbxLinkLost}. */
    public boolean isUp(String box) {
        return up.getOrDefault(box, false);
    }

    private void deliver(String box, PbxEvent event) {
        if (event instanceof PbxEvent.PbxReady) {
            up.put(box, true);
        } else if (event instanceof PbxEvent.PbxLinkLost) {
            up.put(box, false);
        }
        PbxEvent tagged = event.onBox(box);
        for (PbxEventListener listener : listeners) {
            try {
                listener.onPbxEvent(tagged);
            } catch (RuntimeException e) {
                LOG.warn("PBX event listener {} failed on {} from box {}", listener, event.getClass().getSimpleName(), box, e);
            }
        }
    }

    @Override
    public void addListener(PbxEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void start() {
        boxes.values().forEach(b -> b.gateway().start());
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        Box box;
        String dial;
        try {
            box = request.sameBoxAs() != null ? on(request.sameBoxAs()).box() : homeOrFirstUp(request.dialString());
            dial = dialOn(box, request.dialString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return box.gateway().originate(request.dialing(dial).sameBoxAs(null)).thenApply(done -> done.onBox(box.name()));
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        Target target;
        String dial;
        try {
            target = on(request.targetChannel());
            dial = dialOn(target.box(), request.supervisorDialString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        SpyRequest local = new SpyRequest(request.reference(), dial, target.channel(), request.mode(), request.callerId(),
            request.timeout());
        return target.box().gateway().spy(local).thenApply(done -> done.onBox(target.box().name()));
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        return act(channel, t -> t.box().gateway().redirect(t.channel(), context, exten, priority));
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        try {
            Target first = on(channel);
            Target extra = sameBox("redirect together", first, on(extraChannel));
            return first.box().gateway().redirectBoth(first.channel(), context, exten, extra.channel(), extraContext, extraExten);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        try {
            Target first = on(channel1);
            Target second = sameBox("bridge", first, on(channel2));
            return first.box().gateway().bridge(first.channel(), second.channel());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        return act(channel, t -> t.box().gateway().hangup(t.channel()));
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        return act(channel, t -> t.box().gateway().setVariable(t.channel(), name, value));
    }

    /** Asked of the phone's home box, as an originate to it would be; a phone of no known home, of the first box that is up. */
    @Override
    public CompletionStage<PhoneState> phoneState(String phone) {
        return homeOrFirstUp(Objects.requireNonNull(phone, "phone")).gateway().phoneState(phone);
    }

    @Override
    public Optional<String> homeBox(String phone) {
        return Optional.ofNullable(phoneBoxes.get(phone));
    }

    /** Every box's channels, tagged with the box; fails naming the box when one cannot answer. */
    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        CompletableFuture<List<LiveChannel>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (Box box : boxes.values()) {
            CompletionStage<List<LiveChannel>> one = box.gateway().liveChannels().handle((list, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    throw new CompletionException(new IllegalStateException("box " + box.name() + ": " + cause.getMessage(), cause));
                }
                return list.stream().map(c -> c.onBox(box.name())).toList();
            });
            all = all.thenCombine(one, (sum, part) -> {
                sum.addAll(part);
                return sum;
            });
        }
        return all.thenApply(List::copyOf);
    }

    /** Closes every box's gateway, even when one fails to. */
    @Override
    public void close() {
        for (Box box : boxes.values()) {
            try {
                box.gateway().close();
            } catch (RuntimeException e) {
                LOG.warn("closing the gateway of box {} failed: {}", box.name(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "MultiBoxGateway" + boxes.keySet();
    }

    // ---- routing --------------------------------------------------------------------------------

    private record Target(Box box, String channel) {
    }

    private interface Action {
        CompletionStage<Void> on(Target target);
    }

    private CompletionStage<Void> act(String channel, Action action) {
        try {
            return action.on(on(channel));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The box and the box's own name of a prefixed channel name. */
    private Target on(String channel) {
        Objects.requireNonNull(channel, "channel");
        int sep = channel.indexOf(ChannelRef.BOX_SEPARATOR);
        Box box = sep > 0 ? boxes.get(channel.substring(0, sep)) : null;
        if (box == null) {
            throw new IllegalArgumentException("channel \"" + channel + "\" is not on any box of this node " + boxes.keySet()
                + ": with several boxes channels are named <box>" + ChannelRef.BOX_SEPARATOR + "<channel>, as the events name them");
        }
        return new Target(box, channel.substring(sep + 1));
    }

    private static Target sameBox(String what, Target first, Target second) {
        if (first.box() != second.box()) {
            throw new CrossBoxException("cannot " + what + " " + first.box().name() + ChannelRef.BOX_SEPARATOR + first.channel()
                + " and " + second.box().name() + ChannelRef.BOX_SEPARATOR + second.channel() + ": they are on two Asterisk boxes ("
                + first.box().name() + ", " + second.box().name() + ") and a box bridges only its own channels; originate the"
                + " leg on the other channel's box (OriginateRequest.sameBoxAs) and let the trunk carry it");
        }
        return second;
    }

    private Box homeOrFirstUp(String dialString) {
        String home = phoneBoxes.get(dialString);
        if (home != null) {
            return boxes.get(home);
        }
        return boxes.values().stream().filter(b -> isUp(b.name())).findFirst().orElse(boxes.values().iterator().next());
    }

    /** What {@code box} dials to reach {@code phone}: the phone itself on its own box, else the trunk its home box names. */
    private String dialOn(Box box, String phone) {
        String home = phoneBoxes.get(phone);
        if (home == null || home.equals(box.name())) {
            return phone;
        }
        Box homeBox = boxes.get(home);
        String dial = homeBox.reach() == null ? null : homeBox.reach().from(box.name(), phone);
        if (dial == null) {
            throw new IllegalArgumentException("phone " + phone + " is on box " + home + ", which says no way to reach it from box "
                + box.name() + " (no dialFromOtherBoxes)");
        }
        return dial;
    }
}
