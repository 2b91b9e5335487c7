package org.opencti.pbxsim;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the phone at one extension reacts when the PBX rings it (an Originate to {@code Local/<ext>@agents},
 * {@code PJSIP/<ext>}, ...), or the customer behind a number dialled out through {@code [cti-outbound]}
 * ({@code Local/<number>@cti-outbound}). Set by the test or demo; read when a call starts ringing. The default
 * answers at once, as a person. Safe to use from any thread.
 */
public final class PhoneBehaviour {

    /** The phone's reaction to a ring. */
    public enum Mode {
        /** Answers after {@link #answerDelay()} (zero: at once). */
        ANSWER,
        /** Rings until the Originate times out. */
        NO_ANSWER,
        /** Answers busy. */
        BUSY,
        /** Rings until {@link #release()}. */
        ON_RELEASE,
        /** The network reports congestion: the Originate fails with Reason 8 (Hangup cause 34). */
        CONGESTION,
        /** Rejects the call before answering (Hangup cause 21): Reason 0. */
        REJECT,
        /** A number that does not exist (Hangup cause 1, Unallocated number): Reason 0. */
        INVALID
    }

    /**
     * Who or what picks up, and what {@code AMD()} on the calling side concludes (app_amd's AMDSTATUS and AMDCAUSE with
     * the stock amd.conf; HUMAN and MACHINE as captured in 06 H).
     */
    public enum Answerer {
        /** A person says hello and waits: {@code HUMAN}, {@code HUMAN-800-800}. */
        PERSON("HUMAN", "HUMAN-800-800"),
        /** A machine's long greeting: {@code MACHINE}, {@code MAXWORDS-3-2}. */
        MACHINE("MACHINE", "MAXWORDS-3-2"),
        /** Speech AMD cannot classify within its total analysis time: {@code NOTSURE}, {@code TOOLONG-5000}. */
        UNCLEAR("NOTSURE", "TOOLONG-5000");

        private final String amdStatus;
        private final String amdCause;

        Answerer(String amdStatus, String amdCause) {
            this.amdStatus = amdStatus;
            this.amdCause = amdCause;
        }

        public String amdStatus() {
            return amdStatus;
        }

        public String amdCause() {
            return amdCause;
        }
    }

    /**
     * A phone's reaction to one ring, fixed when the call starts.
     *
     * @param ring how long it rings before it answers (or rejects)
     * @param talk how long the person stays once bridged with someone; {@code null}: until the other side hangs up
     */
    record Reaction(Mode mode, Duration ring, Answerer answerer, Duration talk) {
        static Reaction of(Mode mode, Duration ring) {
            return new Reaction(mode, ring, Answerer.PERSON, null);
        }
    }

    private final String ext;
    private final Consumer<String> releaser;
    private volatile Mode mode = Mode.ANSWER;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile Answerer answerer = Answerer.PERSON;
    private volatile Duration talk;
    private volatile boolean registered = true;

    PhoneBehaviour(String ext, Consumer<String> releaser) {
        this.ext = Objects.requireNonNull(ext, "ext");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
    }

    /** Rings for {@code delay}, then answers. */
    public PhoneBehaviour answerAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        this.answerDelay = delay;
        this.mode = Mode.ANSWER;
        return this;
    }

    /** Never answers: the Originate fails with Reason 3 after its Timeout. */
    public PhoneBehaviour noAnswer() {
        this.mode = Mode.NO_ANSWER;
        return this;
    }

    /** Answers busy: the Originate fails with Reason 5. */
    public PhoneBehaviour busy() {
        this.mode = Mode.BUSY;
        return this;
    }

    /** The network reports congestion: the Originate fails with Reason 8. */
    public PhoneBehaviour congestion() {
        this.mode = Mode.CONGESTION;
        return this;
    }

    /** Rejects the call after ringing for the {@link #answerAfter answer delay}: Hangup cause 21, Reason 0. */
    public PhoneBehaviour reject() {
        this.mode = Mode.REJECT;
        return this;
    }

    /** The number does not exist: Hangup cause 1 at once, Reason 0. */
    public PhoneBehaviour invalidNumber() {
        this.mode = Mode.INVALID;
        return this;
    }

    /** A person answers (the default): AMD() says HUMAN. Keeps the answer delay. */
    public PhoneBehaviour person() {
        return answeredBy(Answerer.PERSON);
    }

    /** An answering machine answers: AMD() says MACHINE. Keeps the answer delay. */
    public PhoneBehaviour answeringMachine() {
        return answeredBy(Answerer.MACHINE);
    }

    /** Someone answers whom AMD() cannot classify: NOTSURE. Keeps the answer delay. */
    public PhoneBehaviour amdNotSure() {
        return answeredBy(Answerer.UNCLEAR);
    }

    private PhoneBehaviour answeredBy(Answerer who) {
        this.answerer = who;
        if (mode != Mode.ON_RELEASE) {
            this.mode = Mode.ANSWER;
        }
        return this;
    }

    /** Once bridged with someone, the person talks for {@code talkTime}, then hangs up (cause 16). */
    public PhoneBehaviour hangsUpAfterTalking(Duration talkTime) {
        if (talkTime.isNegative()) {
            throw new IllegalArgumentException("negative talk time");
        }
        this.talk = talkTime;
        return this;
    }

    /** Rings until {@link #release()} is called (or the Originate times out). */
    public PhoneBehaviour answerOnRelease() {
        this.mode = Mode.ON_RELEASE;
        return this;
    }

    /**
     * Answers the ringing call(s) of this phone that wait for a release. If none is ringing yet, the next
     * call that rings in {@link Mode#ON_RELEASE} is answered at once.
     */
    public void release() {
        releaser.accept(ext);
    }

    /**
     * The phone is unregistered (unplugged, out of network): AMI {@code ExtensionState} on its hint answers
     * {@code Status: 4} (Unavailable). Only the state is simulated: a ring still follows the phone's mode (set
     * {@link #noAnswer()} or {@link #congestion()} too for a ring that goes nowhere).
     */
    public PhoneBehaviour unavailable() {
        this.registered = false;
        return this;
    }

    /** Registered again (the default): idle, or in use while it has a call. */
    public PhoneBehaviour available() {
        this.registered = true;
        return this;
    }

    /** Whether the phone is registered (see {@link #unavailable()}). */
    public boolean isAvailable() {
        return registered;
    }

    /** What the phone does on the next ring, fixed for that call. */
    Reaction reaction() {
        return new Reaction(mode, answerDelay, answerer, talk);
    }

    public String ext() {
        return ext;
    }

    public Mode mode() {
        return mode;
    }

    public Duration answerDelay() {
        return answerDelay;
    }

    public Answerer answerer() {
        return answerer;
    }

    /** How long the person talks once bridged; {@code null}: until the other side hangs up. */
    public Duration talkTime() {
        return talk;
    }
}
