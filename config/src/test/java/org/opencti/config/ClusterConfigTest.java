package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    private static final String REDIS = "redis: {uri: \"redis://127.0.0.1:6379\"}\n";

    @Test
    void withoutAClusterSectionTheNodeIsAlone() {
        assertThat(TestYaml.parse(VALID).cluster()).isNull();
    }

    @Test
    void aNodeAmongSeveralHasAnIdAnAddressAndALease() {
        ClusterDef c = TestYaml.parse(VALID + REDIS + "cluster: {node: cti-a, address: \"http://10.0.0.5:8080\"}\n").cluster();
        assertThat(c).isEqualTo(new ClusterDef("cti-a", "http://10.0.0.5:8080", ClusterDef.DEFAULT_LEASE_SECONDS));
        assertThat(TestYaml.parse(VALID + REDIS + "cluster: {node: b.2, address: \"https://cti-b:8443/\", leaseSeconds: 10}\n")
            .cluster().leaseSeconds()).isEqualTo(10);
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(problems(VALID + "cluster: {node: cti-a, address: \"http://10.0.0.5:8080\"}\n"))
            .containsExactly("cluster: several nodes share their live state through Redis: add a redis: section");
        assertThat(problems(VALID + REDIS + "cluster: {address: \"http://10.0.0.5:8080\"}\n"))
            .containsExactly("cluster.node: required");
        assertThat(problems(VALID + REDIS + "cluster: {node: \"cti a\", address: \"http://h:1\"}\n"))
            .containsExactly("cluster.node: \"cti a\" is not a node id (1 to 64 letters, digits, '-', '_' or '.',"
                + " starting with a letter or digit)");
        assertThat(problems(VALID + REDIS + "cluster: {node: a, address: \"ftp://h:1\"}\n"))
            .containsExactly("cluster.address: \"ftp://h:1\" is not a node address: give scheme, host and port only,"
                + " e.g. \"http://10.0.0.5:8080\"");
        assertThat(problems(VALID + REDIS + "cluster: {node: a, address: \"http://h:1/api?x=1\"}\n"))
            .singleElement().asString().startsWith("cluster.address: ");
        assertThat(problems(VALID + REDIS + "cluster: {node: a, address: \"http://h:1 2\"}\n"))
            .singleElement().asString().startsWith("cluster.address: \"http://h:1 2\" is not a URL: ");
        assertThat(problems(VALID + REDIS + "cluster: {node: a, address: \"http://h:1\", leaseSeconds: 1, peers: [b]}\n"))
            .containsExactlyInAnyOrder("cluster.peers: unknown key (expected one of node, address, leaseSeconds)",
                "cluster.leaseSeconds: 1 is outside 2..300");
    }
}
