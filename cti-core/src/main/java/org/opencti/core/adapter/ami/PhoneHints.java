package org.opencti.core.adapter.ami;

import java.util.Optional;
import java.util.regex.Pattern;
import org.opencti.core.port.PhoneState;

/**
 * How a phone's state is asked of Asterisk: AMI {@code ExtensionState} on the phone's hint.
 *
 * <p>Why ExtensionState and not DeviceStateList: a hint ({@code exten => 2001,hint,PJSIP/2001}) maps an extension to the
 * real device(s) behind it, so one action serves both kinds of dial strings we configure. {@code Local/2001@agents}'s own
 * device state says only that the extension exists (a Local channel's device is never the phone), so DeviceStateList would
 * need the hint's device anyway; it also lists every device of the box per question, and Asterisk-Java has no action for it.
 *
 * <p>Which hint: {@code Local/<exten>@<context>} is asked as that exten and context; a technology endpoint
 * ({@code PJSIP/2001}, {@code SIP/2001}, {@code IAX2/2001}) as {@code 2001} in the hint context (default
 * {@value #DEFAULT_HINT_CONTEXT}). Anything else (a trunk's {@code PJSIP/trunk/sip:...}) has no hint we could name.
 *
 * <p>The answer, as Asterisk's manager documents it (no capture of it exists in fixtures/asterisk): {@code Response: Success},
 * {@code ActionID}, {@code Message: Extension Status}, {@code Exten}, {@code Context}, {@code Hint}, {@code Status},
 * {@code StatusText}. {@code Status} is the hint's aggregated state: -2 extension removed, -1 no hint, 0 idle, 1 in use,
 * 2 busy, 4 unavailable, 8 ringing, 16 on hold, and sums of 1, 8 and 16 (9 in use and ringing, 17 in use and on hold).
 */
final class PhoneHints {
    /** The context of the hints of technology phones ({@code PJSIP/2001}) when none is configured. */
    static final String DEFAULT_HINT_CONTEXT = "agents";

    private static final Pattern LOCAL = Pattern.compile("(?i)Local/([^@/]+)@([^/]+)(/.*)?");
    private static final Pattern ENDPOINT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)/([A-Za-z0-9_.+*#-]+)");
    private static final int INUSE = 1;
    private static final int BUSY = 2;
    private static final int UNAVAILABLE = 4;
    private static final int RINGING = 8;
    private static final int ONHOLD = 16;

    /** The extension and context whose hint tells the phone's state. */
    record Hint(String exten, String context) {
    }

    private PhoneHints() {
    }

    /** The hint of {@code dialString}, or empty when it names none ({@code Local/} without a context, a trunk's URI). */
    static Optional<Hint> of(String dialString, String hintContext) {
        if (dialString == null) {
            return Optional.empty();
        }
        var local = LOCAL.matcher(dialString.trim());
        if (local.matches()) {
            return Optional.of(new Hint(local.group(1), local.group(2)));
        }
        var endpoint = ENDPOINT.matcher(dialString.trim());
        if (endpoint.matches() && !"Local".equalsIgnoreCase(endpoint.group(1))) {
            return Optional.of(new Hint(endpoint.group(2), hintContext));
        }
        return Optional.empty();
    }

    /** Asterisk's extension status ({@code Status}) as our phone state. */
    static PhoneState state(Integer status) {
        if (status == null || status < 0) {
            return PhoneState.UNKNOWN; // no such hint (-1) or extension (-2): nothing known of the device
        }
        if (status == 0) {
            return PhoneState.AVAILABLE;
        }
        if ((status & (INUSE | BUSY | RINGING | ONHOLD)) != 0) {
            return PhoneState.IN_USE; // on a call in any way: reachable, whatever else is combined
        }
        return status == UNAVAILABLE ? PhoneState.UNAVAILABLE : PhoneState.UNKNOWN;
    }
}
