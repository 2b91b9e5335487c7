package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.DeskBench.done;
import static org.opencti.acd.DeskBench.refusal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.ChannelRef;

/** An agent logs in at the desk phone they sit at: the ACD rings that phone for them, one agent per extension. */
class DeskLoginTest {
    private final DeskBench desk = new DeskBench(false);
    private final AcdBench bench = desk.bench;

    @Test
    void anAgentAtADeskExtensionIsRungThereAndBackAtTheirOwnPhoneAfterLoggingOut() {
        assertThat(done(desk.desk().login("2001", "2101")).state()).isEqualTo(AgentState.NOT_READY);
        done(bench.acd.ready("2001"));
        assertThat(done(desk.desk().extension("2001"))).contains("2101");
        assertThat(done(desk.desk().lastExtension("2001"))).as("remembered for the next login").contains("2101");
        assertThat(done(bench.acd.roster().agents()).agents()).filteredOn(e -> e.agentId().equals("2001")).singleElement()
            .satisfies(e -> assertThat(e.extension()).isEqualTo("2101"));

        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", DeskBench.BILLING));
        assertThat(bench.originated()).containsExactly("PJSIP/2101");
        bench.answer("100.9", "2001");
        bench.hangUp(caller);
        bench.time.advance(Duration.ofSeconds(10));

        done(bench.acd.logout("2001"));
        assertThat(done(desk.desk().extension("2001"))).isEmpty();
        assertThat(done(bench.acd.roster().agents()).agents().get(0).extension()).isNull();
        done(desk.desk().login("2001", null));
        done(bench.acd.ready("2001"));
        bench.callerOnHold("100.2", "+15551230002", Map.of("CTI_QUEUE", DeskBench.BILLING));
        assertThat(bench.originated()).as("without an extension: the configured phone").containsExactly("PJSIP/2101", "Local/2001@agents");
    }

    @Test
    void anExtensionThePlanDoesNotHaveIsRefusedNamingTheField() {
        DeskRefusal r = refusal(desk.desk().login("2001", "3101"));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.INVALID);
        assertThat(r.field()).isEqualTo("extension");
        assertThat(r.getMessage()).isEqualTo("\"3101\" is not a desk extension here (they match 21[0-9]{2})");
        assertThat(refusal(desk.desk().login("2001", "21;1")).getMessage()).startsWith("\"21;1\" is not a desk extension");
        assertThat(bench.state("2001")).as("not logged in").isEqualTo(AgentState.LOGGED_OUT);
        assertThat(done(desk.desk().lastExtension("2001"))).isEmpty();
    }

    @Test
    void oneAgentPerExtensionUntilTheyLogOut() {
        done(desk.desk().login("2001", "2101"));
        DeskRefusal taken = refusal(desk.desk().login("2002", "2101"));
        assertThat(taken.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
        assertThat(taken.field()).isEqualTo("extension");
        assertThat(taken.getMessage()).isEqualTo("extension 2101 is in use by agent 2001 (Ann): pick the phone you sit at");
        assertThat(bench.state("2002")).isEqualTo(AgentState.LOGGED_OUT);
        done(bench.acd.logout("2001"));
        assertThat(done(desk.desk().login("2002", "2101")).state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void aLoggedInAgentMovesToAnotherPhoneButNotDuringACall() {
        done(desk.desk().login("2001", "2101"));
        done(bench.acd.ready("2001"));
        assertThat(done(desk.desk().login("2001", "2102")).state()).as("the state stays").isEqualTo(AgentState.READY);
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", DeskBench.BILLING));
        assertThat(bench.originated()).containsExactly("PJSIP/2102");
        DeskRefusal r = refusal(desk.desk().login("2001", "2103"));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
        assertThat(r.getMessage()).startsWith("agent 2001 cannot move to another phone during call c-100.1");
        assertThat(done(desk.desk().extension("2001"))).contains("2102");
    }

    @Test
    void withoutDeskExtensionsOnlyTheOwnPhoneIsAllowed() {
        AcdBench plain = new AcdBench(List.of(QueueSetup.simple("billing", List.of(), Duration.ZERO, Duration.ofSeconds(15))),
            List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of())));
        DeskRefusal r = refusal(plain.acd.desk().login("2001", "2101"));
        assertThat(r.getMessage()).isEqualTo("this centre has no desk extensions: log in without one");
        assertThat(done(plain.acd.desk().login("2001", null)).state()).isEqualTo(AgentState.NOT_READY);
    }
}
