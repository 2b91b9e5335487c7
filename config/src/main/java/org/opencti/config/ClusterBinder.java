package org.opencti.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The {@code cluster:} section: this node's id and address among several nodes, and the floor lease. */
final class ClusterBinder {
    static final List<String> CLUSTER_KEYS = List.of("node", "address", "leaseSeconds");

    private ClusterBinder() {
    }

    /** The section, or null when absent (one node); several nodes share state through Redis, so {@code redis} is required. */
    static ClusterDef bind(Section root, RedisConfig redis, Problems problems) {
        Section cluster = root.section("cluster", CLUSTER_KEYS);
        if (!cluster.present()) {
            return null;
        }
        String node = cluster.required("node");
        if (node != null && !ClusterDef.NODE_SYNTAX.matcher(node).matches()) {
            problems.add(cluster.pathOf("node"), Secrets.quote(node)
                + " is not a node id (1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit)");
        }
        String address = cluster.required("address");
        if (address != null) {
            checkAddress(cluster, address, problems);
        }
        int lease = cluster.integer("leaseSeconds", ClusterDef.DEFAULT_LEASE_SECONDS, 2, 300);
        if (redis == null) {
            problems.add(cluster.path(), "several nodes share their live state through Redis: add a redis: section");
        }
        return new ClusterDef(node, address, lease);
    }

    private static void checkAddress(Section cluster, String address, Problems problems) {
        try {
            URI uri = new URI(address);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                problems.add(cluster.pathOf("address"), Secrets.quote(address)
                    + " is not a node address: give scheme, host and port only, e.g. \"http://10.0.0.5:8080\"");
            }
        } catch (URISyntaxException e) {
            problems.add(cluster.pathOf("address"), Secrets.quote(address) + " is not a URL: " + e.getReason());
        }
    }
}
