package org.opencti.ivr.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one call through a menu tree ended.
 *
 * @param path     the nodes visited, in order (nodes of a sub-menu tree as {@code tree/node})
 * @param end      where the caller ended up
 * @param lastNode the last node visited (where a caller hung up, or the node that sent them on); empty if none
 */
public record RunOutcome(List<String> path, End end, String lastNode, Map<String, String> data) {

    /** Self-service finished the call; a person (queue, voicemail, callback) took over; or the caller hung up. */
    public enum End { SELF_SERVICE, PERSON, HUNG_UP }

    public RunOutcome {
        path = List.copyOf(path);
        Objects.requireNonNull(end, "end");
        lastNode = lastNode == null ? "" : lastNode;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public RunOutcome(List<String> path, End end, String lastNode) {
        this(path, end, lastNode, Map.of());
    }
}
