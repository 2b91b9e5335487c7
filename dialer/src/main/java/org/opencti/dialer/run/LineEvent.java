package org.opencti.dialer.run;

import java.util.Objects;

/** What became of a line, as the PBX adapter reports it to {@link CampaignRunner#onLineEvent}. */
public sealed interface LineEvent {
    /** The handle from {@link OutboundLines.DialRequest#line()}. */
    String line();

    /** Picked up. With AMD off this is a person; with AMD on, a verdict follows. */
    record Answered(String line) implements LineEvent {
        public Answered {
            check(line);
        }
    }

    /** AMD heard a person. */
    record HumanDetected(String line) implements LineEvent {
        public HumanDetected {
            check(line);
        }
    }

    /** AMD heard an answering machine. */
    record MachineDetected(String line) implements LineEvent {
        public MachineDetected {
            check(line);
        }
    }

    /** AMD could not tell: treated as a person, since hanging up on a person is an abandoned call. */
    record NotSure(String line) implements LineEvent {
        public NotSure {
            check(line);
        }
    }

    /** The call was not answered. */
    record Failed(String line, Failure failure) implements LineEvent {
        public Failed {
            check(line);
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Why a call was not answered. */
    enum Failure { BUSY, NO_ANSWER, CONGESTION, INVALID_NUMBER }

    /** The customer hung up (while ringing, during detection, waiting for an agent, or in conversation). */
    record CustomerHungUp(String line) implements LineEvent {
        public CustomerHungUp {
            check(line);
        }
    }

    /** The agent ended the conversation. */
    record AgentHungUp(String line) implements LineEvent {
        public AgentHungUp {
            check(line);
        }
    }

    /**
     * The agent the line was connected to is on it with the person (bridged): only now is the agent shown the call and
     * its disposition form, so an agent who never reached it is never told of it.
     */
    record AgentConnected(String line) implements LineEvent {
        public AgentConnected {
            check(line);
        }
    }

    /**
     * The line was connected to an agent who never reached it (the inbound side took them in the instant before the
     * hold, or their phone did not answer): the person is still waiting, with nobody.
     */
    record NotConnected(String line, String why) implements LineEvent {
        public NotConnected {
            check(line);
        }
    }

    private static void check(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("line event: line must not be blank");
        }
    }
}
