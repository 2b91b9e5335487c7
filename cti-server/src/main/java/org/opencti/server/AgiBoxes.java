package org.opencti.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencti.config.AsteriskBox;
import org.opencti.ivr.agi.AgiRequest;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Asterisk box a FastAGI session comes from, when one listener serves several. In order: the box whose
 * {@code fastAgiAddress} is the host (and port, when it names one) of the session's {@code agi_request} URL, which is how
 * that box's dialplan names this node; else the one box whose AMI host is the session's source address (host names are
 * resolved once, at start). Neither, or several boxes on one address: {@value #UNKNOWN}. With a single box, always it.
 * Sessions are counted per box ({@code cti.ivr.agi.sessions.by.box}, tag {@code box}).
 */
final class AgiBoxes {
    static final String UNKNOWN = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(AgiBoxes.class);
    private static final int FASTAGI_PORT = 4573;

    private final List<AsteriskBox> boxes;
    private final Map<String, Set<String>> addressesOf = new LinkedHashMap<>();

    AgiBoxes(List<AsteriskBox> boxes) {
        this.boxes = List.copyOf(boxes);
        for (AsteriskBox box : boxes) {
            Set<String> addresses = new HashSet<>();
            String host = box.ami().host();
            addresses.add(host.toLowerCase(Locale.ROOT));
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    addresses.add(a.getHostAddress());
                }
            } catch (UnknownHostException e) {
                LOG.warn("AMI host {} of box {} does not resolve: its IVR sessions are told by fastAgiAddress only", host, box.name());
            }
            addressesOf.put(box.name(), addresses);
        }
    }

    /** The box of {@code request}, or {@value #UNKNOWN}. */
    String boxOf(AgiRequest request) {
        if (boxes.size() == 1) {
            return boxes.get(0).name();
        }
        String byAddress = byAgiAddress(request.others().get("agi_request"));
        if (byAddress != null) {
            return byAddress;
        }
        String found = null;
        for (Map.Entry<String, Set<String>> box : addressesOf.entrySet()) {
            if (!request.peer().isEmpty() && box.getValue().contains(request.peer())) {
                if (found != null) {
                    return UNKNOWN; // two boxes on one host: the source address cannot tell them apart
                }
                found = box.getKey();
            }
        }
        return found == null ? UNKNOWN : found;
    }

    private String byAgiAddress(String agiRequest) {
        if (agiRequest == null || agiRequest.isBlank()) {
            return null;
        }
        URI url;
        try {
            url = URI.create(agiRequest.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (url.getHost() == null) {
            return null;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() < 0 ? FASTAGI_PORT : url.getPort();
        for (AsteriskBox box : boxes) {
            String address = box.fastAgiAddress();
            if (address != null && (address.equals(host) || address.equals(host + ":" + port))) {
                return box.name();
            }
        }
        return null;
    }

    /** {@code router}, counting each session under its box first. */
    AgiScriptRouter counting(AgiScriptRouter router, MeterRegistry metrics) {
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (String box : boxNamesAndUnknown()) {
            counters.put(box, Counter.builder("cti.ivr.agi.sessions.by.box").description("FastAGI sessions by the box they came from")
                .tag("box", box).register(metrics));
        }
        return request -> {
            String box = boxOf(request);
            counters.get(box).increment();
            LOG.debug("FastAGI session for {} from box {} ({})", request.channel(), box, request.peer());
            return router.route(request);
        };
    }

    private List<String> boxNamesAndUnknown() {
        List<String> names = new ArrayList<>(boxes.stream().map(AsteriskBox::name).toList());
        names.add(UNKNOWN);
        return names;
    }
}
