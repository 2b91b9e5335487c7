package org.opencti.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.opencti.config.AgentDef;
import org.opencti.config.AmiConfig;
import org.opencti.config.AsteriskBox;
import org.opencti.config.ContactCentreConfig;
import org.opencti.core.adapter.ami.AsteriskJavaPbxGateway;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.pbx.MultiBoxGateway;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;

/**
 * The node's Asterisk: one AMI link per configured box, and the gateway the rest of the node uses. With one box that is
 * its link itself (channel names as Asterisk writes them); with several, a {@link MultiBoxGateway} over the links
 * (names prefixed with the box). Either way this is the node's {@link PbxGateway}, and it also answers for the links:
 * up or not, reconnects.
 */
public final class PbxLinks implements PbxGateway {
    private final Map<String, AsteriskJavaPbxGateway> links;
    private final PbxGateway gateway;

    private PbxLinks(Map<String, AsteriskJavaPbxGateway> links, PbxGateway gateway) {
        this.links = links;
        this.gateway = gateway;
    }

    /** One link per box of {@code config}, its meters tagged with the box. */
    static PbxLinks from(ContactCentreConfig config, Clock clock, MeterRegistry metrics) {
        Map<String, AsteriskJavaPbxGateway> links = new LinkedHashMap<>();
        for (AsteriskBox box : config.boxes()) {
            AmiConfig ami = box.ami();
            links.put(box.name(), new AsteriskJavaPbxGateway(box.name(), ami.host(), ami.port(), ami.username(), ami.secret(),
                Duration.ofSeconds(ami.pingIntervalSeconds()), Duration.ofSeconds(ami.pingTimeoutSeconds()), clock, metrics,
                ami.eventQueueCapacity()).hintContext(ami.hintContext()));
        }
        if (links.size() == 1) {
            return new PbxLinks(links, links.values().iterator().next());
        }
        List<MultiBoxGateway.Box> boxes = config.boxes().stream()
            .map(b -> new MultiBoxGateway.Box(b.name(), links.get(b.name()), b.dialFromOtherBoxes() == null ? null : b::dialFrom))
            .toList();
        Map<String, String> phones = new LinkedHashMap<>();
        for (AgentDef agent : config.agents()) {
            phones.putIfAbsent(agent.phone(), config.homeBox(agent));
        }
        return new PbxLinks(links, new MultiBoxGateway(boxes, phones));
    }

    /** The boxes' names, in the configuration's order. */
    public Set<String> boxes() {
        return links.keySet();
    }

    /** The AMI link to one box. */
    public AsteriskJavaPbxGateway link(String box) {
        AsteriskJavaPbxGateway link = links.get(box);
        if (link == null) {
            throw new IllegalArgumentException("no box \"" + box + "\"; the boxes are " + links.keySet());
        }
        return link;
    }

    /** Logged in to every box. */
    public boolean isConnected() {
        return links.values().stream().allMatch(AsteriskJavaPbxGateway::isConnected);
    }

    /** Logins after the first, over every box. */
    public long reconnectCount() {
        return links.values().stream().mapToLong(AsteriskJavaPbxGateway::reconnectCount).sum();
    }

    @Override
    public void addListener(PbxEventListener listener) {
        gateway.addListener(listener);
    }

    @Override
    public void start() {
        gateway.start();
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        return gateway.originate(request);
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        return gateway.spy(request);
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        return gateway.redirect(channel, context, exten, priority);
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        return gateway.redirectBoth(channel, context, exten, extraChannel, extraContext, extraExten);
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        return gateway.bridge(channel1, channel2);
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        return gateway.hangup(channel);
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        return gateway.setVariable(channel, name, value);
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        return gateway.liveChannels();
    }

    @Override
    public CompletionStage<PhoneState> phoneState(String phone) {
        return gateway.phoneState(phone);
    }

    @Override
    public Optional<String> homeBox(String phone) {
        return gateway.homeBox(phone);
    }

    @Override
    public void close() {
        gateway.close();
    }

    @Override
    public String toString() {
        return links.values().toString();
    }
}
