package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.HASH;
import static org.opencti.config.TestYaml.MODEL;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AsteriskBoxesTest {

    private static final String AGENTS = "agents:\n"
            + "  - {id: \"2001\", name: Ann, phone: PJSIP/2001, skills: {billing: 7}, passwordHash: \"" + HASH + "\"}\n"
            + "  - {id: \"2002\", name: Bo, phone: PJSIP/2002, skills: {support: 5}, passwordHash: \"" + HASH + "\", box: pbx-b}\n";

    private static final String BOXES = """
            asterisk:
              fastAgi: {port: 4573}
              boxes:
                - name: pbx-a
                  ami: {host: 10.0.0.11, username: cti, secret: "${A_SECRET}"}
                  fastAgiAddress: cti-for-a
                  dialFromOtherBoxes: "IAX2/{fromBox}-to-{box}/{extension}"
                - name: pbx-b
                  ami: {host: 10.0.0.12, port: 5039, username: cti, pingIntervalSeconds: 2, pingTimeoutSeconds: 1, hintContext: phones-b}
                  fastAgiAddress: "CTI-for-b:4574"
                  dialFromOtherBoxes: "PJSIP/{extension}@trunk-{box}"
            """;

    private static final String TWO_BOXES = MODEL + AGENTS + BOXES;

    private static ContactCentreConfig parse(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, "test.yaml", env);
    }

    @Test
    void theSingleAmiSectionIsOneBoxNamedDefault() {
        ContactCentreConfig config = TestYaml.parse(VALID);

        assertThat(config.boxes()).containsExactly(new AsteriskBox("default", config.ami(), null, null));
        assertThat(config.homeBox(config.agents().get(0))).isEqualTo("default");
    }

    @Test
    void severalBoxesWithTheirLinksAddressesTrunksAndTheAgentsHomes() {
        ContactCentreConfig config = parse(TWO_BOXES, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET_PBX_B", "sb"));

        assertThat(config.boxes()).extracting(AsteriskBox::name).containsExactly("pbx-a", "pbx-b");
        AsteriskBox a = config.boxes().get(0);
        AsteriskBox b = config.boxes().get(1);
        assertThat(a.ami()).isEqualTo(new AmiConfig("10.0.0.11", 5038, "cti", "sa", 5, 3, 100_000));
        assertThat(b.ami()).isEqualTo(new AmiConfig("10.0.0.12", 5039, "cti", "sb", 2, 1, 100_000, "phones-b"));
        assertThat(config.ami()).as("the first box's, for single-box callers").isEqualTo(a.ami());
        assertThat(a.fastAgiAddress()).isEqualTo("cti-for-a");
        assertThat(b.fastAgiAddress()).isEqualTo("cti-for-b:4574");
        assertThat(config.homeBox(config.agents().get(0))).as("no box: the first").isEqualTo("pbx-a");
        assertThat(config.homeBox(config.agents().get(1))).isEqualTo("pbx-b");
        assertThat(b.dialFrom("pbx-a", "PJSIP/2002")).isEqualTo("PJSIP/2002@trunk-pbx-b");
        assertThat(a.dialFrom("pbx-b", "Local/2001@agents")).isEqualTo("IAX2/pbx-b-to-pbx-a/2001");
        assertThat(b.toString()).doesNotContain("sb");
    }

    @Test
    void aBoxSecretComesFromItsOwnVariableElseTheSharedOne() {
        String noSecrets = TWO_BOXES.replace(", secret: \"${A_SECRET}\"", "");

        ContactCentreConfig shared = parse(noSecrets, Map.of("CTI_AMI_SECRET", "both"));
        assertThat(shared.boxes()).extracting(bx -> bx.ami().secret()).containsExactly("both", "both");

        ContactCentreConfig own = parse(noSecrets, Map.of("CTI_AMI_SECRET", "both", "CTI_AMI_SECRET_PBX_B", "only-b"));
        assertThat(own.boxes()).extracting(bx -> bx.ami().secret()).containsExactly("both", "only-b");
    }

    @Test
    void aMissingSecretNamesTheFieldAndTheVariables() {
        assertThat(problems(TWO_BOXES, Map.of("A_SECRET", "sa"))).containsExactly(
                "asterisk.boxes[1].ami.secret: required: write secret: \"${CTI_AMI_SECRET_PBX_B}\", or set the environment variable"
                        + " CTI_AMI_SECRET_PBX_B (or CTI_AMI_SECRET for every box)");
        assertThat(problems(TWO_BOXES, Map.of("CTI_AMI_SECRET_PBX_B", "sb")))
                .containsExactly("asterisk.boxes[0].ami.secret: environment variable A_SECRET is not set");
    }

    @Test
    void duplicateNamesBadPortsAndAddressesAreReportedWhereTheyAre() {
        String yaml = TWO_BOXES.replace("name: pbx-b", "name: pbx-a").replace("port: 5039", "port: 70000")
                .replace("\"CTI-for-b:4574\"", "cti-for-a").replace("box: pbx-b", "box: pbx-c");

        assertThat(problems(yaml, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET", "x"))).containsExactly(
                "asterisk.boxes[1].name: duplicate box \"pbx-a\"",
                "asterisk.boxes[1].ami.port: 70000 is not a TCP port (1..65535)",
                "asterisk.boxes[1].fastAgiAddress: \"cti-for-a\" is also boxes[0]'s: the node could not tell their IVR sessions apart",
                "agents[1].box: unknown box \"pbx-c\" (did you mean \"pbx-a\"?)");
    }

    @Test
    void badNamesAddressesAndTemplatesAreReported() {
        String yaml = TWO_BOXES.replace("name: pbx-b", "name: \"pbx b\"").replace("\"CTI-for-b:4574\"", "\"cti:99999\"")
                .replace("IAX2/{fromBox}-to-{box}/{extension}", "IAX2/{from}/{ext}").replace("box: pbx-b", "box: \"pbx b\"");

        assertThat(problems(yaml, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET", "x"))).containsExactly(
                "asterisk.boxes[0].dialFromOtherBoxes: unknown {from}, {ext} (a template may use {phone}, {extension}, {box}, {fromBox})",
                "asterisk.boxes[1].name: \"pbx b\" is not a valid box (letters, digits, '.', '_' and '-', starting with a letter or digit,"
                        + " at most 64)",
                "asterisk.boxes[1].fastAgiAddress: \"cti:99999\" is not host or host:port (as in the box's AGI(agi://host:port/ivr))");
    }

    @Test
    void aTemplateMustNameThePhoneAndMakeADialString() {
        assertThat(problems(TWO_BOXES.replace("PJSIP/{extension}@trunk-{box}", "IAX2/trunk-{box}"), Map.of("A_SECRET", "s",
                "CTI_AMI_SECRET", "x"))).containsExactly("asterisk.boxes[1].dialFromOtherBoxes: \"IAX2/trunk-{box}\" names no phone:"
                        + " use {extension} or {phone}, like IAX2/{fromBox}-to-{box}/{extension}");
        assertThat(problems(TWO_BOXES.replace("PJSIP/{extension}@trunk-{box}", "{extension} via {box}"), Map.of("A_SECRET", "s",
                "CTI_AMI_SECRET", "x"))).containsExactly("asterisk.boxes[1].dialFromOtherBoxes: \"{extension} via {box}\" does not make"
                        + " a dial string (PJSIP/2001 would be dialled as \"2001 via pbx-b\")");
    }

    @Test
    void amiAndBoxesTogetherOrAnEmptyListAreRefused() {
        String both = TWO_BOXES.replace("  fastAgi: {port: 4573}\n", "  ami: {username: cti, secret: s}\n");
        assertThat(problems(both, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET", "x"))).containsExactly(
                "asterisk.ami: not together with asterisk.boxes: give each box its own ami (for one box, leave boxes out)");

        assertThat(problems(MODEL + AGENTS.replace(", box: pbx-b", "") + "asterisk:\n  boxes: []\n", Map.of())).containsExactly(
                "asterisk.boxes: at least one box is required (or leave boxes out and write asterisk.ami)");
    }

    @Test
    void aBoxThatIsAnAgentsHomeMustSayHowOtherBoxesReachItsPhones() {
        String yaml = TWO_BOXES.replace("      dialFromOtherBoxes: \"IAX2/{fromBox}-to-{box}/{extension}\"\n", "");

        assertThat(problems(yaml, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET", "x"))).containsExactly(
                "asterisk.boxes[0].dialFromOtherBoxes: required: it is the home box of 2001, whose phones a caller on another box must"
                        + " reach (e.g. IAX2/{fromBox}-to-{box}/{extension})");
    }

    @Test
    void aPhoneIsOnOneBox() {
        String yaml = TWO_BOXES.replace("phone: PJSIP/2002", "phone: PJSIP/2001");

        assertThat(problems(yaml, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET", "x")))
                .containsExactly("agents[1].box: phone PJSIP/2001 is also agents[0]'s, on box pbx-a: a phone is on one box");
    }

    @Test
    void singleBoxAmiVariablesOtherThanTheSecretAreLeftoversWithBoxes() {
        assertThat(problems(TWO_BOXES, Map.of("A_SECRET", "sa", "CTI_AMI_SECRET_PBX_B", "sb", "CTI_AMI_HOST", "pbx")))
                .containsExactly("env CTI_AMI_HOST: not used with asterisk.boxes; give each box its ami.host in the file");
    }
}
