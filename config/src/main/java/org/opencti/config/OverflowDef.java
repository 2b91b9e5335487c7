package org.opencti.config;

/**
 * A rule that takes a call out of its queue. Exactly one condition (the first four components) and exactly one action
 * (the last three) is set; a queue's rules are tried in order and the first whose condition holds applies.
 *
 * @param maxWaitSeconds   condition: the call has waited this long; null when not the condition
 * @param maxQueueLength   condition: at least this many calls already wait in the queue when the call arrives; null when not
 * @param noAgentsLoggedIn condition: no agent who could take the call is logged in
 * @param closed           condition: the queue's calendar says it is closed
 * @param toQueue          action: move the call to this queue (it starts waiting afresh there); null when not the action
 * @param toVoicemail      action: send the caller to this voicemail box ({@code billing}, {@code 100@default}); null when not
 * @param callback         action: offer the caller a callback and release the line
 */
public record OverflowDef(Integer maxWaitSeconds, Integer maxQueueLength, boolean noAgentsLoggedIn, boolean closed, String toQueue,
                          String toVoicemail, boolean callback) {
}
