package org.opencti.config;

import java.util.regex.Pattern;

/**
 * This node's place among several CTI nodes sharing Redis and PostgreSQL ({@code cluster:}). Absent: the node is alone
 * and holds the floor from the start.
 *
 * @param node         this node's id, unique among the nodes (letters, digits, {@code -_.}, at most 64)
 * @param address      where the other nodes reach this node's HTTP API, e.g. {@code http://10.0.0.5:8080}: a standby forwards
 *                     agents' commands to the floor holder there
 * @param leaseSeconds how long the floor holder's lease lasts without renewal: a dead holder is replaced within about this
 *                     long (default 5; renewed every {@code leaseSeconds / 5} seconds, at least every second)
 */
public record ClusterDef(String node, String address, int leaseSeconds) {
    public static final int DEFAULT_LEASE_SECONDS = 5;
    static final Pattern NODE_SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
}
