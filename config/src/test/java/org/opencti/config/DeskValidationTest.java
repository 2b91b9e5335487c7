package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeskValidationTest {

    @Test
    void withoutADeskSectionAgentsUseTheirOwnPhonesAndNothingElseIsAllowed() {
        DeskDef desk = TestYaml.parse(VALID).desk();
        assertThat(desk).isEqualTo(DeskDef.DEFAULT);
        assertThat(desk.hasExtensions()).isFalse();
        assertThat(desk.manualDialing()).isFalse();
    }

    @Test
    void extensionsByPatternOrByList() {
        DeskDef byPattern = TestYaml.parse(VALID + """
            desk:
              extensions: {pattern: "21[0-9]{2}", dialString: "PJSIP/{extension}"}
              manualDialing: true
              callbacks: {graceSeconds: 60}
            """).desk();
        assertThat(byPattern).isEqualTo(new DeskDef("21[0-9]{2}", List.of(), "PJSIP/{extension}", true, 60));
        assertThat(byPattern.hasExtensions()).isTrue();
        DeskDef byList = TestYaml.parse(VALID + "desk: {extensions: {list: [\"2101\", \"2102\"], dialString: "
            + "\"Local/{extension}@agents\"}}\n").desk();
        assertThat(byList.extensions()).containsExactly("2101", "2102");
        assertThat(byList.callbackGraceSeconds()).isEqualTo(DeskDef.DEFAULT_CALLBACK_GRACE_SECONDS);
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(problems(VALID + "desk: {extensions: {pattern: \"21[0-9\", dialString: \"PJSIP/{extension}\"}}\n"))
            .singleElement().asString().startsWith("desk.extensions.pattern: \"21[0-9\" is not a regular expression: ");
        assertThat(problems(VALID + "desk: {extensions: {list: [\"2101\", \"21 02\", \"2101\"], dialString: \"PJSIP/{extension}\"}}\n"))
            .containsExactly("desk.extensions.list[1]: \"21 02\" is not an extension (1 to 20 letters or digits)",
                "desk.extensions.list[2]: extension \"2101\" is listed twice");
        assertThat(problems(VALID + "desk: {extensions: {pattern: \"21..\", list: [\"2101\"], dialString: \"PJSIP/{extension}\"}}\n"))
            .containsExactly("desk.extensions: give either pattern or list, not both");
        assertThat(problems(VALID + "desk: {extensions: {dialString: \"PJSIP/{extension}\"}}\n"))
            .containsExactly("desk.extensions: give the desk extensions as a pattern (\"21[0-9]{2}\") or a list");
        assertThat(problems(VALID + "desk: {extensions: {pattern: \"21..\"}}\n"))
            .containsExactly("desk.extensions.dialString: required");
        assertThat(problems(VALID + "desk: {extensions: {pattern: \"21..\", dialString: \"PJSIP/2101\"}}\n"))
            .containsExactly("desk.extensions.dialString: \"PJSIP/2101\" must contain {extension} where the extension goes"
                + " (PJSIP/{extension})");
        assertThat(problems(VALID + "desk: {extensions: {pattern: \"21..\", dialString: \"PJSIP/{extension}&PJSIP/9\"}}\n"))
            .containsExactly("desk.extensions.dialString: \"PJSIP/{extension}&PJSIP/9\" is not an Asterisk dial string"
                + " (like PJSIP/{extension} or Local/{extension}@agents)");
        assertThat(problems(VALID + "desk: {manualDialing: yes, callbacks: {graceSeconds: -1, timeZone: Europe/London}}\n"))
            .as("the centre's timeZone is the one callbacks use")
            .containsExactly("desk.manualDialing: expected true or false, got \"yes\"",
                "desk.callbacks.timeZone: unknown key (expected one of graceSeconds)",
                "desk.callbacks.graceSeconds: -1 is outside 0..86400");
        assertThat(problems(VALID + "desk: {extension: {}}\n")).containsExactly(
            "desk.extension: unknown key (did you mean \"extensions\"?)");
    }

    @Test
    void theSampleHasDeskExtensions() {
        DeskDef desk = ConfigLoader.sample(Map.of()).desk();
        assertThat(desk.hasExtensions()).isTrue();
        assertThat(desk.extensionDialString()).isEqualTo("Local/{extension}@agents");
    }
}
