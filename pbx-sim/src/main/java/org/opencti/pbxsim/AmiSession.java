package org.opencti.pbxsim;

/** One AMI client connection, as seen by the simulator. Safe to call from any thread. */
public interface AmiSession {

    /** Writes a response or list item to this client (always, whatever its event mask). */
    void send(AmiMessage message);

    /** Writes an event if this client is logged in and has events on. */
    void sendEvent(AmiMessage event);

    /** Closes the connection (after pending writes). */
    void close();

    /** Closes the connection at once, without the Goodbye. */
    void abort();

    boolean authenticated();

    /** Remote address as Asterisk prints it ({@code IPV4/TCP/127.0.0.1/46020}). */
    String remoteAddress();

    /** Local address as Asterisk prints it ({@code IPV4/TCP/127.0.0.1/5038}). */
    String localAddress();
}
