package org.opencti.pbxsim;

/**
 * A call placed by the simulator (a customer calling in). Like the lab captures, the customer is a Local
 * channel pair: {@code channel} (the {@code ;2} half) runs the dialplan and is what the CTI bridges,
 * redirects and hangs up; {@code phoneChannel} (the {@code ;1} half) is the customer's phone.
 *
 * @param channel      the caller channel, e.g. {@code Local/5551000@cti-inbound-00000000;2}
 * @param uniqueid     the caller channel's Uniqueid
 * @param phoneChannel the customer's phone, e.g. {@code Local/5551000@cti-inbound-00000000;1}
 * @param linkedid     the call's Linkedid (the phone half's Uniqueid)
 */
public record SimCall(String channel, String uniqueid, String phoneChannel, String linkedid, String callerNum,
                      String callerName, String exten) {
}
