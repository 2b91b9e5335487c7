package org.opencti.core.queuelog;

/**
 * The queue_log events we write, spelled as Asterisk's app_queue spells them so that queue_log reporting tools
 * (QueueMetrics, Asternic and the like) recognise them. {@link QueueLogEntry}'s factories say what each event's
 * data fields hold.
 */
public enum QueueLogEvent {
    ENTERQUEUE,
    CONNECT,
    COMPLETEAGENT,
    COMPLETECALLER,
    ABANDON,
    EXITWITHTIMEOUT,
    EXITEMPTY,
    EXITWITHKEY,
    RINGNOANSWER,
    RINGCANCELED,
    TRANSFER,
    BLINDTRANSFER,
    ATTENDEDTRANSFER,
    PAUSE,
    UNPAUSE,
    PAUSEALL,
    UNPAUSEALL,
    ADDMEMBER,
    REMOVEMEMBER,
    AGENTLOGIN,
    AGENTLOGOFF,
    QUEUESTART,
    CONFIGRELOAD,
    INFO
}
