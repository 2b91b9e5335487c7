package org.opencti.pbxsim;

import io.netty.handler.codec.TooLongFrameException;

/** An inbound AMI message grew past the frame limit without its closing empty line. */
public final class AmiFrameTooLongException extends TooLongFrameException {
    private static final long serialVersionUID = 1L;

    private final int limit;

    public AmiFrameTooLongException(int limit) {
        super("AMI message exceeds " + limit + " bytes without its closing empty line");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
