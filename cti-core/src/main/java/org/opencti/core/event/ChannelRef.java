package org.opencti.core.event;

import java.util.Objects;

/** Identifies one PBX channel: Asterisk's Uniqueid is the key, the name is what actions address. */
public record ChannelRef(String uniqueId, String name, String linkedId) {
    public ChannelRef {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(name, "name");
        linkedId = linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId;
    }
}
