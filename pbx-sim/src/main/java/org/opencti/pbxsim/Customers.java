package org.opencti.pbxsim;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Customers dialled out through the trunk. The shipped {@code [cti-outbound]} would Dial the trunk; pbx-sim stands in
 * for the public network instead: the {@code ;2} half of {@code Local/<number>@cti-outbound} is the called party itself,
 * running the program of the lab's {@code *-sim} contexts (capture 06), chosen by the number's explicit
 * {@link PhoneBehaviour}, else the {@link OutboundPopulation}, else a person who answers at once. Also what
 * {@code AMD()} concludes about them and when a talking customer hangs up. Core thread only.
 */
final class Customers {
    /** Contexts whose Dial() goes out to the public network. */
    static final Set<String> TRUNK_CONTEXTS = Set.of("cti-outbound");

    /** Stock amd.conf: silence from the start for initial_silence (2500 ms) is a machine. */
    private static final String[] SILENCE = {"MACHINE", "INITIALSILENCE-2500-2500"};
    private static final PhoneBehaviour.Reaction ANSWERS_AT_ONCE =
        new PhoneBehaviour.Reaction(PhoneBehaviour.Mode.ANSWER, Duration.ZERO, PhoneBehaviour.Answerer.PERSON, null);

    private final PbxCore core;
    private volatile OutboundPopulation population;

    Customers(PbxCore core) {
        this.core = core;
    }

    static boolean isTrunk(String context) {
        return TRUNK_CONTEXTS.contains(context);
    }

    void population(OutboundPopulation p) {
        population = p;
    }

    OutboundPopulation population() {
        return population;
    }

    /** What {@code number} does when dialled now: its explicit behaviour wins over the population. */
    PhoneBehaviour.Reaction reactionFor(String number) {
        PhoneBehaviour explicit = core.phones.get(number);
        if (explicit == null) {
            explicit = core.phones.get(number.startsWith("+") ? number.substring(1) : "+" + number);
        }
        if (explicit != null) {
            return explicit.reaction();
        }
        OutboundPopulation p = population;
        return p == null ? ANSWERS_AT_ONCE : p.calledParty(number).reaction();
    }

    /** Makes the {@code ;2} half of a trunk call the customer behind {@code number}. */
    void attach(Chan two, String number, String context) {
        PhoneBehaviour.Reaction r = reactionFor(number);
        two.number = number;
        two.called = r;
        two.phoneContext = context;
        two.phoneProgram = PhonePrograms.customer(r);
    }

    /** AMDSTATUS and AMDCAUSE for {@code AMD()} running on {@code ch}: what it hears is its Local peer (or itself). */
    String[] amdVerdict(Chan ch) {
        Chan customer = customerOf(ch);
        if (customer == null) {
            return SILENCE.clone();
        }
        PhoneBehaviour.Answerer who = customer.called.answerer();
        return new String[] {who.amdStatus(), who.amdCause()};
    }

    /** {@code ch} joined a bridge: a customer behind it who talks for a set time starts the clock (once). */
    void bridged(Chan ch) {
        Chan customer = customerOf(ch);
        if (customer == null || customer.called.talk() == null || customer.talkTimer != null) {
            return;
        }
        Duration talk = customer.called.talk();
        customer.talkTimer = core.schedule(talk, () -> {
            if (!customer.dying) {
                core.record(SimRecord.Kind.CUSTOMER_HUNG_UP, customer.number, "after talking " + talk);
                core.calls.hangup(customer, 16);
            }
        });
    }

    /** The customer(s) reached at {@code number} hang up (cause 16); no-op when none is on a call. */
    void hangUp(String number) {
        for (Chan ch : List.copyOf(core.channels.values())) {
            if (number.equals(ch.number) && !ch.dying) {
                core.record(SimRecord.Kind.CUSTOMER_HUNG_UP, number, "asked");
                core.calls.hangup(ch, 16);
            }
        }
    }

    private static Chan customerOf(Chan ch) {
        if (ch.called != null) {
            return ch;
        }
        Chan peer = ch.livePeer();
        return peer != null && peer.called != null ? peer : null;
    }
}
