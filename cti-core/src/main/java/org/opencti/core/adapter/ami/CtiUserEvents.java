package org.opencti.core.adapter.ami;

import java.util.List;
import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The UserEvents this project raises from its dialplan or over AMI, as Asterisk-Java beans. Any other
 * UserEvent name is discarded by Asterisk-Java before it reaches us; to receive a new one, add a class
 * here (one setter per header: {@code X-Custom-Id} maps to {@code setXCustomId}).
 */
public final class CtiUserEvents {
    /** Every class to pass to {@code ManagerConnection.registerUserEventClass}. */
    public static final List<Class<? extends ManagerEvent>> ALL =
        List.of(CtiScreenPop.class, CtiAgentState.class, CtiPing.class);

    private CtiUserEvents() {
    }

    /** Dialplan {@code UserEvent(CtiScreenPop,CallerNum: ...,Intent: ...)}. */
    @AsteriskMapping("CtiScreenPop")
    public static final class CtiScreenPop extends CapturingUserEvent {
        private static final long serialVersionUID = 1L;

        public CtiScreenPop(Object source) {
            super(source);
        }

        @Override
        public String name() {
            return "CtiScreenPop";
        }

        public void setCallerNum(String value) {
            header("CallerNum", value);
        }

        public void setIntent(String value) {
            header("Intent", value);
        }
    }

    /** Agent state announced by the CTI over AMI (UserEvent action). */
    @AsteriskMapping("CtiAgentState")
    public static final class CtiAgentState extends CapturingUserEvent {
        private static final long serialVersionUID = 1L;

        public CtiAgentState(Object source) {
            super(source);
        }

        @Override
        public String name() {
            return "CtiAgentState";
        }

        public void setAgent(String value) {
            header("Agent", value);
        }

        public void setState(String value) {
            header("State", value);
        }

        public void setReason(String value) {
            header("Reason", value);
        }

        public void setXCustomId(String value) {
            header("X-Custom-Id", value);
        }
    }

    /** A bare marker event (no headers of its own). */
    @AsteriskMapping("CtiPing")
    public static final class CtiPing extends CapturingUserEvent {
        private static final long serialVersionUID = 1L;

        public CtiPing(Object source) {
            super(source);
        }

        @Override
        public String name() {
            return "CtiPing";
        }
    }
}
