package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.config.AmiConfig;
import org.opencti.config.AsteriskBox;
import org.opencti.ivr.agi.AgiRequest;

class AgiBoxesTest {
    private static AsteriskBox box(String name, String amiHost, String fastAgiAddress) {
        return new AsteriskBox(name, new AmiConfig(amiHost, 5038, "cti", "s", 5, 3, 100_000), fastAgiAddress, null);
    }

    private static AgiRequest from(String peer, String agiRequest) {
        return AgiRequest.fromEnvironment(Map.of("agi_network_script", "ivr?menu=main", "agi_request", agiRequest,
            "agi_channel", "Local/5551000@cti-inbound-00000000;2"), peer);
    }

    private final AgiBoxes boxes = new AgiBoxes(List.of(box("a", "10.0.0.11", "cti-a.example.com"),
        box("b", "10.0.0.12", "cti.example.com:4574"), box("c", "10.0.0.13", null), box("d", "10.0.0.13", null)));

    @Test
    void theAddressTheBoxsDialplanCallsNamesTheBox() {
        assertThat(boxes.boxOf(from("192.0.2.1", "agi://CTI-A.example.com:4573/ivr?menu=main"))).isEqualTo("a");
        assertThat(boxes.boxOf(from("192.0.2.1", "agi://cti.example.com:4574/ivr?menu=main"))).isEqualTo("b");
        assertThat(boxes.boxOf(from("192.0.2.1", "agi://cti.example.com/ivr"))).as("4573 is not 4574").isEqualTo(AgiBoxes.UNKNOWN);
    }

    @Test
    void elseTheSourceAddressWhenOnlyOneBoxIsThere() {
        assertThat(boxes.boxOf(from("10.0.0.12", "agi://10.0.0.5:4573/ivr"))).isEqualTo("b");
        assertThat(boxes.boxOf(from("10.0.0.13", "agi://10.0.0.5:4573/ivr"))).as("c and d share a host").isEqualTo(AgiBoxes.UNKNOWN);
        assertThat(boxes.boxOf(from("", "not a url"))).isEqualTo(AgiBoxes.UNKNOWN);
    }

    @Test
    void aSingleBoxIsEverySessionsBox() {
        AgiBoxes only = new AgiBoxes(List.of(box("default", "10.0.0.11", null)));

        assertThat(only.boxOf(from("192.0.2.1", "agi://anything/ivr"))).isEqualTo("default");
    }
}
