package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundFilesTest {

    @Test
    void theSampleTreeNeedsItsPromptsTheInterpretersOwnInEachLanguageAndTheOrderStatusWords() {
        var files = SoundFiles.of(RunFixtures.sample(), MenuRunner.Settings.standard());

        assertThat(files).contains("en/main-menu", "es/main-menu", "en/account-and-pin", "es/goodbye", "en/invalid", "es/invalid",
            "en/enter-pin", "es/enter-pin", "order-status/shipped", "order-status/returned");
        assertThat(files).allMatch(f -> !f.isBlank() && !f.contains(" "));
    }

    @Test
    void aTreeWithoutInputsOrPinsNeedsOnlyItsPrompts() {
        var trees = RunFixtures.parse("""
            trees:
              main:
                languages: [en]
                defaultLanguage: en
                start: hello
                personExit: support
                nodes:
                  hello: {type: prompt, prompts: {en: en/hello}, next: agent}
                  agent: {type: transferToQueue, queue: support}
            """);

        assertThat(SoundFiles.of(trees, MenuRunner.Settings.standard())).containsExactly("en/hello");
    }
}
