package org.opencti.pbxsim;

import java.time.Duration;
import java.util.Objects;

/**
 * Who a dialled number reaches, as {@link OutboundPopulation} draws it: the outcome, how long it rings first, and how
 * long a person talks once connected to someone.
 *
 * @param ring how long it rings before answering (or rejecting); zero for outcomes that do not ring to an answer
 * @param talk how long the person stays once bridged with someone, then hangs up; {@code null}: until the other side
 *             hangs up (machines, and every outcome that never answers)
 */
public record CalledParty(Kind kind, Duration ring, Duration talk) {

    /** What happens when the number is dialled, with what the Originate then reports. */
    public enum Kind {
        /** A person answers and greets: AMD() says HUMAN. */
        PERSON(4),
        /** An answering machine answers with a long greeting: AMD() says MACHINE. */
        MACHINE(4),
        /** Answered, but AMD() cannot tell: NOTSURE. */
        AMD_NOT_SURE(4),
        /** Busy: Busy() on the far side, Reason 5, Hangup cause 17. */
        BUSY(5),
        /** Rings until the Originate times out: Reason 3, cause 19, no DialEnd. */
        NO_ANSWER(3),
        /** The network is congested: Congestion(), Reason 8, cause 34. */
        CONGESTION(8),
        /** The far end rejects the call before answering: Hangup(21), Reason 0. */
        REJECTED(0),
        /** The number does not exist: Hangup(1) (Unallocated number), Reason 0. */
        INVALID_NUMBER(0);

        private final int originateReason;

        Kind(int originateReason) {
            this.originateReason = originateReason;
        }

        /** The {@code Reason} of the OriginateResponse a dial to such a party gets (4 = answered). */
        public int originateReason() {
            return originateReason;
        }

        /** Whether someone (or something) picks up. */
        public boolean answers() {
            return originateReason == 4;
        }
    }

    public CalledParty {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ring, "ring");
        if (ring.isNegative()) {
            throw new IllegalArgumentException("ring time must not be negative: " + ring);
        }
        if (talk != null && talk.isNegative()) {
            throw new IllegalArgumentException("talk time must not be negative: " + talk);
        }
    }

    /** How the simulated phone behind the number reacts (the same model as an explicit {@link PhoneBehaviour}). */
    PhoneBehaviour.Reaction reaction() {
        return switch (kind) {
            case PERSON -> new PhoneBehaviour.Reaction(PhoneBehaviour.Mode.ANSWER, ring, PhoneBehaviour.Answerer.PERSON, talk);
            case MACHINE -> new PhoneBehaviour.Reaction(PhoneBehaviour.Mode.ANSWER, ring, PhoneBehaviour.Answerer.MACHINE, talk);
            case AMD_NOT_SURE -> new PhoneBehaviour.Reaction(PhoneBehaviour.Mode.ANSWER, ring, PhoneBehaviour.Answerer.UNCLEAR, talk);
            case BUSY -> PhoneBehaviour.Reaction.of(PhoneBehaviour.Mode.BUSY, ring);
            case NO_ANSWER -> PhoneBehaviour.Reaction.of(PhoneBehaviour.Mode.NO_ANSWER, ring);
            case CONGESTION -> PhoneBehaviour.Reaction.of(PhoneBehaviour.Mode.CONGESTION, ring);
            case REJECTED -> PhoneBehaviour.Reaction.of(PhoneBehaviour.Mode.REJECT, ring);
            case INVALID_NUMBER -> PhoneBehaviour.Reaction.of(PhoneBehaviour.Mode.INVALID, ring);
        };
    }
}
