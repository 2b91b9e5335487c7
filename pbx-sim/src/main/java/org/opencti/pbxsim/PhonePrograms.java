package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;

/**
 * The dialplan a simulated phone's half of a Local pair runs instead of a context of the shipped dialplan: the lab's
 * {@code [agents]}, {@code [busy-sim]}, {@code [noanswer-sim]}, {@code [outbound-sim]}, {@code [congestion-sim]},
 * {@code [reject-sim]} and {@code [amd-sim]} contexts of capture 06 (README, dialplan), so the events are theirs.
 */
final class PhonePrograms {
    private PhonePrograms() {
    }

    /** An agent's (or any internal) phone: {@code Local/<ext>@agents} and other contexts the shipped dialplan lacks. */
    static List<Dialplan.Step> agent(PhoneBehaviour.Reaction r, String context) {
        String ring = DialplanRunner.secondsText(r.ring());
        List<String[]> apps = new ArrayList<>();
        switch (r.mode()) {
            case BUSY, CONGESTION, REJECT, INVALID -> {
                return refusal(r);
            }
            case NO_ANSWER -> {
                return noAnswer();
            }
            case ON_RELEASE -> {
                apps.add(app("NoOp", "Fake agent ${EXTEN} rings until released"));
                apps.add(app("Ringing", ""));
                apps.add(new String[] {"Wait", "3600", DialplanRunner.RELEASE_LABEL});
            }
            default -> {
                if (r.ring().isZero()) {
                    apps.add(app("NoOp", "Fake agent ${EXTEN} auto-answers"));
                } else {
                    apps.add(app("NoOp", "Fake agent ${EXTEN} answers after " + ring + " s"));
                    apps.add(app("Ringing", ""));
                    apps.add(app("Wait", ring));
                }
            }
        }
        if ("agents".equals(context)) {
            apps.add(app("Set", "CTI_ROLE=agent"));
        }
        apps.add(app("Answer", ""));
        apps.add(app("Wait", "3600"));
        apps.add(app("Hangup", ""));
        return steps(apps);
    }

    /**
     * A customer reached through the trunk ({@code Local/<number>@cti-outbound}): pbx-sim stands in for the public
     * network, so this half is the called party itself, as the lab's {@code *-sim} contexts were in capture 06.
     */
    static List<Dialplan.Step> customer(PhoneBehaviour.Reaction r) {
        String ring = DialplanRunner.secondsText(r.ring());
        List<String[]> apps = new ArrayList<>();
        switch (r.mode()) {
            case BUSY, CONGESTION, REJECT, INVALID -> {
                return refusal(r);
            }
            case NO_ANSWER -> {
                return noAnswer();
            }
            case ON_RELEASE -> {
                apps.add(app("NoOp", "Simulated customer ${EXTEN} rings until released"));
                apps.add(app("Ringing", ""));
                apps.add(new String[] {"Wait", "3600", DialplanRunner.RELEASE_LABEL});
            }
            default -> {
                if (r.ring().isZero()) {
                    apps.add(app("NoOp", greeting(r.answerer())));
                } else {
                    apps.add(app("NoOp", "Simulated customer ${EXTEN} ringing"));
                    apps.add(app("Ringing", ""));
                    apps.add(app("Wait", ring));
                }
            }
        }
        apps.add(app("Answer", ""));
        switch (r.answerer()) {
            case MACHINE -> {
                // The greeting, then the machine records whatever is said for half a minute and hangs up.
                apps.add(app("Playback", "demo-congrats"));
                apps.add(app("Wait", "30"));
            }
            case UNCLEAR -> {
                apps.add(app("Playback", "silence/1&demo-congrats"));
                apps.add(app("Wait", "3600"));
            }
            default -> {
                apps.add(app("Playback", "hello-world&silence/3"));
                apps.add(app("Wait", "3600"));
            }
        }
        apps.add(app("Hangup", ""));
        return steps(apps);
    }

    private static String greeting(PhoneBehaviour.Answerer who) {
        return switch (who) {
            case MACHINE -> "Simulated answering machine ${EXTEN}";
            case UNCLEAR -> "Simulated unclear answer ${EXTEN}";
            default -> "Simulated person ${EXTEN} answers and greets";
        };
    }

    /** Busy, congestion, a rejection (after ringing, if it rings) or a number that does not exist. */
    private static List<Dialplan.Step> refusal(PhoneBehaviour.Reaction r) {
        List<String[]> apps = new ArrayList<>();
        switch (r.mode()) {
            case BUSY -> {
                apps.add(app("NoOp", "Simulated busy ${EXTEN}"));
                apps.add(app("Busy", "5"));
            }
            case CONGESTION -> {
                apps.add(app("NoOp", "Simulated congestion ${EXTEN}"));
                apps.add(app("Congestion", "5"));
            }
            case REJECT -> {
                apps.add(app("NoOp", "Simulated reject ${EXTEN}"));
                if (!r.ring().isZero()) {
                    apps.add(app("Ringing", ""));
                    apps.add(app("Wait", DialplanRunner.secondsText(r.ring())));
                }
                apps.add(app("Hangup", "21"));
            }
            default -> {
                apps.add(app("NoOp", "Simulated invalid number ${EXTEN}"));
                apps.add(app("Hangup", "1"));
            }
        }
        return steps(apps);
    }

    private static List<Dialplan.Step> noAnswer() {
        return steps(List.of(app("NoOp", "Simulated no-answer ${EXTEN}"), app("Ringing", ""), app("Wait", "3600"),
            app("Hangup", "")));
    }

    private static String[] app(String name, String data) {
        return new String[] {name, data};
    }

    private static List<Dialplan.Step> steps(List<String[]> apps) {
        List<Dialplan.Step> steps = new ArrayList<>();
        for (String[] a : apps) {
            steps.add(new Dialplan.Step(steps.size() + 1, a.length > 2 ? a[2] : null, a[0], a[1]));
        }
        return List.copyOf(steps);
    }
}
