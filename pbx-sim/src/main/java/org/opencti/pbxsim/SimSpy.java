package org.opencti.pbxsim;

/**
 * A ChanSpy session, as {@link PbxSimulator#spies()} returns it.
 *
 * @param spyer   the supervisor's channel running ChanSpy, e.g. {@code Local/3001@agents-00000002;1}
 * @param spyee   the channel it hears, e.g. the agent leg {@code Local/2001@agents-00000001;1}
 * @param options ChanSpy's options: {@code qE} listen, {@code qEw} whisper, {@code qEB} barge
 */
public record SimSpy(String spyer, String spyee, String options) {
    public boolean whisper() {
        return options.contains("w");
    }

    public boolean barge() {
        return options.contains("B");
    }
}
