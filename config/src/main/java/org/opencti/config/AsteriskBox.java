package org.opencti.config;

import java.util.List;
import java.util.Objects;

/**
 * One Asterisk box the node talks to: its AMI link, how its dialplan reaches this node's FastAGI listener, and how the
 * other boxes dial a phone homed on it. A file with only {@code asterisk.ami} has one box, named {@value #DEFAULT_NAME}.
 *
 * @param name               the box's name: a prefix of its channels in the node (see ChannelRef), a metrics tag
 * @param ami                its Asterisk Manager Interface connection
 * @param fastAgiAddress     {@code host} or {@code host:port} as its dialplan's {@code AGI(agi://...)} URL names this node,
 *                           lower-case; tells its IVR sessions from the other boxes'. Null: told by the session's source
 *                           address (the AMI host)
 * @param dialFromOtherBoxes what another box dials to ring a phone homed here (over a trunk between them), with
 *                           {@code {phone}}, {@code {extension}}, {@code {box}} and {@code {fromBox}} filled in, e.g.
 *                           {@code IAX2/{fromBox}-to-{box}/{extension}}; null when no other box can ring its phones
 */
public record AsteriskBox(String name, AmiConfig ami, String fastAgiAddress, String dialFromOtherBoxes) {

    /** The name of the only box of a file that configures {@code asterisk.ami}. */
    public static final String DEFAULT_NAME = "default";
    /** What a {@link #dialFromOtherBoxes} template may contain. */
    public static final List<String> TEMPLATE_FIELDS = List.of("{phone}", "{extension}", "{box}", "{fromBox}");

    public AsteriskBox {
        Objects.requireNonNull(name, "name");
    }

    /** The only box of a node configured with {@code asterisk.ami}. */
    public static AsteriskBox only(AmiConfig ami) {
        return new AsteriskBox(DEFAULT_NAME, ami, null, null);
    }

    /** What box {@code fromBox} dials to ring {@code phone}, homed on this box; null when this box names no way. */
    public String dialFrom(String fromBox, String phone) {
        return dialFromOtherBoxes == null ? null : fill(dialFromOtherBoxes, phone, name, fromBox);
    }

    static String fill(String template, String phone, String box, String fromBox) {
        return template.replace("{phone}", phone).replace("{extension}", extension(phone)).replace("{box}", box)
            .replace("{fromBox}", fromBox);
    }

    /** The number part of a dial string: {@code 2001} of {@code PJSIP/2001} and of {@code Local/2001@agents}. */
    public static String extension(String phone) {
        String resource = phone.substring(phone.indexOf('/') + 1);
        int at = resource.indexOf('@');
        return at < 0 ? resource : resource.substring(0, at);
    }
}
