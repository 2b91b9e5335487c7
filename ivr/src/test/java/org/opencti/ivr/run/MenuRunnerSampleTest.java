package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.ivr.run.RunFixtures.ACCOUNT;
import static org.opencti.ivr.run.RunFixtures.KNOWN;
import static org.opencti.ivr.run.RunFixtures.ORDER;
import static org.opencti.ivr.run.RunFixtures.PIN;
import static org.opencti.ivr.run.ScriptedCaller.TIMEOUT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencti.ivr.run.RunOutcome.End;
import org.opencti.ivr.tree.MenuTrees;

/** The sample tree end to end with a scripted caller (an unknown number, business hours open unless said otherwise). */
class MenuRunnerSampleTest {

    private static final MenuTrees TREES = RunFixtures.sample();
    private static final List<String> TO_HOLD = List.of("transfer cti-hold");

    private static RunOutcome call(ScriptedCaller caller) {
        return call(true, caller);
    }

    private static RunOutcome call(boolean open, ScriptedCaller caller) {
        return RunFixtures.run(RunFixtures.runner(open), TREES, "main", "unknown", caller);
    }

    @Test
    void zeroReachesTheSupportQueue() {
        ScriptedCaller caller = ScriptedCaller.pressing("0");

        RunOutcome outcome = call(caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "welcome", "agent"), End.PERSON, "agent"));
        assertThat(caller.log()).containsExactly("collect en/main-menu", "set CTI_QUEUE=support",
                "set CTI_IVR_PATH=main>identify>hours>welcome>agent", "set CTI_IVR_DATA=CTI_QUEUE,CTI_IVR_PATH", TO_HOLD.get(0));
    }

    @Test
    void aWrongDigitPlaysInvalidAndAsksAgain() {
        ScriptedCaller caller = ScriptedCaller.pressing("7", "0");

        RunOutcome outcome = call(caller);

        assertThat(outcome.end()).isEqualTo(End.PERSON);
        assertThat(caller.log()).startsWith("collect en/main-menu", "play en/invalid", "collect en/main-menu");
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support");
    }

    @Test
    void timeoutsExhaustingTheRetriesReachThePersonExit() {
        ScriptedCaller caller = ScriptedCaller.pressing(TIMEOUT, TIMEOUT, TIMEOUT, TIMEOUT, "1");

        RunOutcome outcome = call(caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "welcome"), End.PERSON, "welcome"));
        assertThat(caller.log()).filteredOn(l -> l.startsWith("collect")).hasSize(4);
        assertThat(caller.log()).doesNotContain("play en/invalid");
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support");
        assertThat(caller.unused()).containsExactly("1");
    }

    @Test
    void aWrongPinThreeTimesGoesToTheBillingAgentWithoutTheAccount() {
        ScriptedCaller caller = ScriptedCaller.pressing("1", ACCOUNT, "0000", ACCOUNT, "1111", ACCOUNT, "2222");

        RunOutcome outcome = call(caller);

        assertThat(outcome.path()).containsExactly("identify", "hours", "welcome", "billingIntent", "billingAccount", "billingAgent");
        assertThat(outcome.end()).isEqualTo(End.PERSON);
        assertThat(caller.log()).filteredOn(l -> l.equals("collect en/enter-pin")).hasSize(3);
        assertThat(caller.log()).filteredOn(l -> l.equals("play en/invalid")).hasSize(2);
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "billing").containsEntry("CTI_INTENT", "billing")
                .containsEntry("CTI_SKILLS", "billing").doesNotContainKey("ACCOUNT");
    }

    @Test
    void theRightPinHearsTheBalanceAndReachesBillingWithTheData() {
        ScriptedCaller caller = ScriptedCaller.pressing("1", ACCOUNT, PIN);

        RunOutcome outcome = call(caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "welcome", "billingIntent", "billingAccount",
                "billingLookup", "sayBalance", "billingData", "billingAgent"), End.PERSON, "billingAgent"));
        assertThat(caller.log()).containsSubsequence("collect en/account-and-pin", "collect en/enter-pin",
                "play en/your-balance-is", "say 120.50 MONEY", "set CTI_QUEUE=billing", "transfer cti-hold");
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "billing").containsEntry("CTI_INTENT", "billing-balance-heard")
                .containsEntry("CTI_PRIORITY", "5").containsEntry("CTI_SKILLS", "billing").containsEntry("ACCOUNT", ACCOUNT)
                .containsEntry("BALANCE", "120.50")
                .containsEntry("CTI_IVR_PATH", "main>identify>hours>welcome>billingIntent>billingAccount>billingLookup>sayBalance"
                        + ">billingData>billingAgent");
        assertThat(caller.log()).noneMatch(l -> l.contains(PIN));
        assertThat(caller.log().get(caller.log().size() - 1)).isEqualTo("transfer cti-hold");
    }

    @Test
    void orderStatusIsSelfServiceWhenTheCallerSaysGoodbye() {
        ScriptedCaller caller = ScriptedCaller.pressing("2", ACCOUNT, PIN, ORDER, "1");

        RunOutcome outcome = call(caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "welcome", "orderIntent", "orderKnownCaller", "orderAccount",
                "orderNumber", "orderLookup", "sayStatus", "offerAgent", "goodbye"), End.SELF_SERVICE, "goodbye"));
        assertThat(caller.log()).containsExactly("collect en/main-menu", "collect en/account-and-pin", "collect en/enter-pin",
                "collect en/enter-order-number", "play en/your-order-is", "say shipped ORDER_STATUS", "collect en/agent-or-menu",
                "play en/goodbye", "hangup");
    }

    @Test
    void aCallerKnownByTheirNumberSkipsTheAccountCheck() {
        ScriptedCaller caller = ScriptedCaller.pressing("2", ORDER, "1");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), TREES, "main", KNOWN, caller);

        assertThat(outcome.path()).containsSubsequence("orderKnownCaller", "orderNumber", "orderLookup", "sayStatus")
            .doesNotContain("orderAccount");
        assertThat(outcome.end()).isEqualTo(End.SELF_SERVICE);
    }

    @Test
    void anOrderOfAnotherAccountIsNotFound() {
        ScriptedCaller caller = ScriptedCaller.pressing("2", ORDER, "0");

        RunOutcome outcome = RunFixtures.run(RunFixtures.runner(true), TREES, "main", KNOWN, caller);
        assertThat(outcome.path()).contains("sayStatus");

        InMemoryCustomers other = RunFixtures.customers().caller("+15550002", Map.of("ACCOUNT", "777777"));
        ScriptedCaller stranger = ScriptedCaller.pressing("2", ORDER, "0");
        RunOutcome refused = RunFixtures.run(new MenuRunner(MenuRunner.Settings.standard(), other, other,
                OpenHours.openFor(Set.of("us-office"))), TREES, "main", "+15550002", stranger);
        assertThat(refused.path()).contains("orderNotFound").doesNotContain("sayStatus");
    }

    @Test
    void anUnknownOrderSaysSoAndTheCallerMayAskForAnAgent() {
        ScriptedCaller caller = ScriptedCaller.pressing("2", ACCOUNT, PIN, "99999999", "0");

        RunOutcome outcome = call(caller);

        assertThat(outcome.path()).contains("orderNotFound").endsWith("offerAgent", "orderAgent");
        assertThat(caller.variables()).containsEntry("CTI_INTENT", "order-status").containsEntry("ORDER_NUMBER", "99999999");
    }

    @Test
    void tooFewOrderDigitsAskAgain() {
        ScriptedCaller caller = ScriptedCaller.pressing("2", ACCOUNT, PIN, "123", ORDER, "1");

        RunOutcome outcome = call(caller);

        assertThat(outcome.end()).isEqualTo(End.SELF_SERVICE);
        assertThat(caller.log()).containsSubsequence("collect en/enter-order-number", "play en/invalid",
                "collect en/enter-order-number", "say shipped ORDER_STATUS");
    }

    @Test
    void choosingSpanishSwitchesThePrompts() {
        ScriptedCaller caller = ScriptedCaller.pressing("3", "2", "7", "0");

        RunOutcome outcome = call(caller);

        assertThat(outcome.path()).containsExactly("identify", "hours", "welcome", "language", "welcome", "agent");
        assertThat(caller.log()).startsWith("collect en/main-menu", "collect en/choose-language", "collect es/main-menu",
                "play es/invalid", "collect es/main-menu");
        assertThat(caller.variables()).containsEntry("CTI_LANGUAGE", "es").containsEntry("CTI_QUEUE", "support");
    }

    @Test
    void aCallerWhoHangsUpInTheMenuEndsQuietly() {
        ScriptedCaller caller = ScriptedCaller.pressing("7", ScriptedCaller.HANG_UP);

        RunOutcome outcome = call(caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "welcome"), End.HUNG_UP, "welcome"));
        assertThat(caller.log()).noneMatch(l -> l.startsWith("set ") || l.startsWith("transfer"));
    }

    @Test
    void aHangUpWhileTransferringIsStillAHangUp() {
        ScriptedCaller caller = ScriptedCaller.pressing("0").hangUpAtStep(3);

        RunOutcome outcome = call(caller);

        assertThat(outcome.end()).isEqualTo(End.HUNG_UP);
        assertThat(outcome.lastNode()).isEqualTo("agent");
    }

    @Test
    void closedHoursOfferACallbackThatTheDialplanRegisters() {
        ScriptedCaller caller = ScriptedCaller.pressing("1");

        RunOutcome outcome = call(false, caller);

        assertThat(outcome).usingRecursiveComparison().ignoringFields("data")
            .isEqualTo(new RunOutcome(List.of("identify", "hours", "closedMessage", "closedMenu", "callback",
                "goodbye"), End.PERSON, "goodbye"));
        assertThat(caller.log()).startsWith("play en/closed", "collect en/callback-or-voicemail", "play en/goodbye",
                "set CTI_CALLBACK=support").endsWith("redirect cti-callback,support");
        assertThat(caller.log()).doesNotContain("hangup");
    }

    @Test
    void closedHoursOfferVoicemail() {
        ScriptedCaller caller = ScriptedCaller.pressing("2");

        RunOutcome outcome = call(false, caller);

        assertThat(outcome.end()).isEqualTo(End.PERSON);
        assertThat(caller.log()).endsWith("redirect cti-voicemail,support");
        assertThat(caller.variables()).containsEntry("CTI_MAILBOX", "support");
    }

    @Test
    void theClosedMenuWithNoAnswerReachesThePersonExit() {
        ScriptedCaller caller = ScriptedCaller.pressing(TIMEOUT, TIMEOUT, TIMEOUT, TIMEOUT);

        RunOutcome outcome = call(false, caller);

        assertThat(outcome.lastNode()).isEqualTo("closedMenu");
        assertThat(caller.variables()).containsEntry("CTI_QUEUE", "support");
        assertThat(caller.log()).endsWith("transfer cti-hold");
    }
}
