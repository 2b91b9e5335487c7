package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/** One Originate in progress (from AMI, or a call the simulator places itself). Core thread only. */
final class OriginateJob {
    String actionId;
    /** The Channel header as given ({@code Local/2001@agents}); the Failure OriginateResponse reports it. */
    String dialString;
    /** Target after answer: Context/Exten/Priority, or Application/Data. */
    String context;
    String exten;
    String priority = "1";
    String application;
    String data = "";
    String cidNum = Chan.UNKNOWN;
    String cidName = Chan.UNKNOWN;
    boolean callerIdGiven;
    long timeoutMs = 30_000;
    final List<Map.Entry<String, String>> variables = new ArrayList<>();
    String channelId;
    String otherChannelId;
    /** A call the simulator places itself: no OriginateResponse. */
    boolean silent;
    /** Synchronous Originate: told the outcome (true = answered). */
    Consumer<Boolean> onDone;

    Chan one;
    Chan two;
    boolean done;
    ScheduledFuture<?> timer;
}
