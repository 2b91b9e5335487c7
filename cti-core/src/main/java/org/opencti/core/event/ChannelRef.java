package org.opencti.core.event;

import java.util.Objects;

/**
 * Identifies one PBX channel: Asterisk's Uniqueid is the key, the name is what actions address.
 *
 * <p>{@code box} is the Asterisk box the channel lives on when the node talks to several ({@link #onBox}); null with a
 * single box. Two boxes reuse the same names ({@code Local/2001@agents-00000000;1} after each restart) and may reuse
 * Uniqueids, so on a node with several boxes the id, name and linked id are prefixed with the box and
 * {@value #BOX_SEPARATOR}: {@code b:Local/2001@agents-00000000;1}. The rest of the server keeps treating them as opaque
 * strings; only the multi-box gateway takes the prefix off again before it talks to the box.
 */
public record ChannelRef(String uniqueId, String name, String linkedId, String box) {
    /** Between a box's name and the PBX's own id or name. Box names never contain it, and channel technologies neither. */
    public static final char BOX_SEPARATOR = ':';

    public ChannelRef {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(name, "name");
        linkedId = linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId;
    }

    /** A channel of the only PBX. */
    public ChannelRef(String uniqueId, String name, String linkedId) {
        this(uniqueId, name, linkedId, null);
    }

    /** The same channel as a node with several boxes names it: tagged with {@code box}, its ids prefixed (see above). */
    public ChannelRef onBox(String box) {
        if (this.box != null) {
            throw new IllegalStateException("channel " + name + " is already on box " + this.box);
        }
        return new ChannelRef(qualify(box, uniqueId), qualify(box, name), qualify(box, linkedId), box);
    }

    /** {@code box:value}; null stays null. */
    public static String qualify(String box, String value) {
        return value == null ? null : box + BOX_SEPARATOR + value;
    }
}
