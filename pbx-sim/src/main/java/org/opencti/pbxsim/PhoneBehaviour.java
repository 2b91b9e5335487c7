package org.opencti.pbxsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the phone at one extension reacts when the PBX rings it (an Originate to {@code Local/<ext>@agents},
 * {@code PJSIP/<ext>}, ...). Set by the test or demo; read when a call starts ringing. The default answers
 * at once. Safe to use from any thread.
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
        ON_RELEASE
    }

    private final String ext;
    private final Consumer<String> releaser;
    private volatile Mode mode = Mode.ANSWER;
    private volatile Duration answerDelay = Duration.ZERO;

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
     * The dialplan the phone's half of a Local pair runs in {@code context} (read when the call starts):
     * like the lab's {@code [agents]} / {@code [busy-sim]} / {@code [noanswer-sim]} contexts.
     */
    List<Dialplan.Step> program(String context) {
        Mode m = mode;
        Duration delay = answerDelay;
        List<String[]> apps = new ArrayList<>();
        String ring = DialplanRunner.secondsText(delay);
        switch (m) {
            case BUSY -> {
                apps.add(new String[] {"NoOp", "Simulated busy ${EXTEN}"});
                apps.add(new String[] {"Busy", "5"});
            }
            case NO_ANSWER -> {
                apps.add(new String[] {"NoOp", "Simulated no-answer ${EXTEN}"});
                apps.add(new String[] {"Ringing", ""});
                apps.add(new String[] {"Wait", "3600"});
                apps.add(new String[] {"Hangup", ""});
            }
            case ON_RELEASE -> {
                apps.add(new String[] {"NoOp", "Fake agent ${EXTEN} rings until released"});
                apps.add(new String[] {"Ringing", ""});
                apps.add(new String[] {"Wait", "3600", DialplanRunner.RELEASE_LABEL});
            }
            default -> {
                if (delay.isZero()) {
                    apps.add(new String[] {"NoOp", "Fake agent ${EXTEN} auto-answers"});
                } else {
                    apps.add(new String[] {"NoOp", "Fake agent ${EXTEN} answers after " + ring + " s"});
                    apps.add(new String[] {"Ringing", ""});
                    apps.add(new String[] {"Wait", ring});
                }
            }
        }
        if (m == Mode.ANSWER || m == Mode.ON_RELEASE) {
            if ("agents".equals(context)) {
                apps.add(new String[] {"Set", "CTI_ROLE=agent"});
            }
            apps.add(new String[] {"Answer", ""});
            apps.add(new String[] {"Wait", "3600"});
            apps.add(new String[] {"Hangup", ""});
        }
        List<Dialplan.Step> steps = new ArrayList<>();
        for (String[] a : apps) {
            steps.add(new Dialplan.Step(steps.size() + 1, a.length > 2 ? a[2] : null, a[0], a[1]));
        }
        return List.copyOf(steps);
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
}
