package org.opencti.pbxsim;

/**
 * AMI {@code ExtensionState}: the state of a phone's hint. No capture of it exists (fixtures/asterisk); the layout is the one
 * Asterisk's manager documents and writes ({@code action_extensionstate}): {@code Response: Success}, {@code ActionID},
 * {@code Message: Extension Status}, {@code Exten}, {@code Context}, {@code Hint}, {@code Status}, {@code StatusText}.
 *
 * <p>Every simulated phone has a hint: an extension in a context the simulated dialplan does not have (the contexts its
 * phones are originated in, {@code Local/2001@agents}) is a phone, {@code PJSIP/<exten>} behind the hint. Status 4
 * (Unavailable) when its {@link PhoneBehaviour#unavailable()}, 1 (InUse) while it has an answered call, 8 (Ringing) while it
 * rings, 9 for both, else 0 (Idle). An extension of the dialplan or of a trunk has no hint: -1, as Asterisk answers then.
 */
final class AmiPhoneActions {
    private static final int IDLE = 0;
    private static final int INUSE = 1;
    private static final int UNAVAILABLE = 4;
    private static final int RINGING = 8;

    private final PbxCore core;

    AmiPhoneActions(PbxCore core) {
        this.core = core;
    }

    void extensionState(AmiSession s, AmiMessage m) {
        String exten = m.getOr("Exten", "").trim();
        if (exten.isEmpty()) {
            s.send(AmiReplies.error(m, "Extension not specified"));
            return;
        }
        String context = m.getOr("Context", "").trim();
        if (context.isEmpty()) {
            context = "default";
        }
        boolean phone = !core.dialplan.hasContext(context) && !Customers.isTrunk(context);
        int status = phone ? status(exten) : -1;
        s.send(AmiReplies.response(m, "Success").add("Message", "Extension Status").add("Exten", exten).add("Context", context)
            .add("Hint", phone ? "PJSIP/" + exten : "").add("Status", status).add("StatusText", text(status)).build());
    }

    private int status(String exten) {
        PhoneBehaviour behaviour = core.phones.get(exten);
        if (behaviour != null && !behaviour.isAvailable()) {
            return UNAVAILABLE;
        }
        int status = IDLE;
        for (Chan ch : core.channels.values()) {
            if (exten.equals(ch.phoneExt) && !ch.dying) {
                status |= ch.state == ChannelState.UP ? INUSE : RINGING;
            }
        }
        return status;
    }

    /** Asterisk's {@code ast_extension_state2str}. */
    static String text(int status) {
        return switch (status) {
            case 0 -> "Idle";
            case 1 -> "InUse";
            case 2 -> "Busy";
            case 4 -> "Unavailable";
            case 8 -> "Ringing";
            case 9 -> "InUse&Ringing";
            case 16 -> "Hold";
            case 17 -> "InUse&Hold";
            default -> "Unknown";
        };
    }
}
