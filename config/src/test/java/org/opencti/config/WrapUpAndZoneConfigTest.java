package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.AGENT;
import static org.opencti.config.TestYaml.INFRA;
import static org.opencti.config.TestYaml.problems;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A queue's recording flag and disposition codes, and the centre's time zone. */
class WrapUpAndZoneConfigTest {

    private static String with(String billingExtra, String top) {
        return top + """
                skills: [{name: billing}, {name: support}]
                queues:
                  - name: billing
                    skills: [{skill: billing, minLevel: 5}]
                """ + billingExtra + """
                  - {name: support, skills: [{skill: support, minLevel: 3}]}
                teams: [{name: blue}]
                agents:
                """ + AGENT + INFRA;
    }

    @Test
    void recordingAndDispositionsAreReadAndDefaultToOffAndNone() {
        ContactCentreConfig config = TestYaml.parse(with("""
                    record: true
                    dispositions:
                      - {code: refund-issued, label: Refund issued}
                      - resolved
                """, ""));

        QueueDef billing = config.queue("billing").orElseThrow();
        assertThat(billing.record()).isTrue();
        assertThat(billing.dispositions()).containsExactly(new DispositionDef("refund-issued", "Refund issued"),
                new DispositionDef("resolved", "resolved"));
        QueueDef support = config.queue("support").orElseThrow();
        assertThat(support.record()).isFalse();
        assertThat(support.dispositions()).isEmpty();
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void badDispositionsAreEachReportedWithTheirPath() {
        List<String> problems = problems(with("""
                    record: maybe
                    dispositions:
                      - {code: "Refund Issued"}
                      - {code: resolved}
                      - resolved
                      - {label: No code}
                      - {code: sale, label: "", colour: red}
                """, ""));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("queues[0].record:"));
        assertThat(problems).contains(
                "queues[0].dispositions[0].code: \"Refund Issued\" is not a disposition code (lower-case letters, digits, _ and -,"
                        + " at most 32, like refund-issued)",
                "queues[0].dispositions[2]: disposition \"resolved\" is listed twice",
                "queues[0].dispositions[3].code: required",
                "queues[0].dispositions[4].label: must be 1 to 100 characters");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("queues[0].dispositions[4].colour:"));
    }

    @Test
    void theCentresTimeZoneIsAnIanaZone() {
        assertThat(TestYaml.parse(with("", "timeZone: Europe/London\n")).zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(problems(with("", "timeZone: Europe/Londn\n"))).singleElement().asString()
                .startsWith("timeZone: unknown time zone \"Europe/Londn\"").contains("Europe/London");
    }
}
