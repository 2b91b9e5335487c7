package org.opencti.pbxsim;

/** Builders for AMI responses: {@code Response}, then {@code ActionID} when the action had one, then fields. */
final class AmiReplies {
    private AmiReplies() {
    }

    /** {@code Response: <kind>} + the action's ActionID. */
    static AmiMessage.Builder response(AmiMessage action, String kind) {
        AmiMessage.Builder b = AmiMessage.builder().add("Response", kind);
        String id = action == null ? null : action.actionId();
        return b.addIfPresent("ActionID", id);
    }

    static AmiMessage success(AmiMessage action, String message) {
        return response(action, "Success").add("Message", message).build();
    }

    static AmiMessage error(AmiMessage action, String message) {
        return response(action, "Error").add("Message", message).build();
    }
}
