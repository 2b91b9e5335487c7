package org.opencti.ivr.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The real Asterisk 22 FastAGI captures in the shared fixtures (see its README), read from the module directory. */
public final class AsteriskCaptures {
    public static final Path DIR = Path.of("../fixtures/asterisk");

    /**
     * The environment block of 02-fastagi as Asterisk sent it, for tests that need one whether or not the
     * fixtures are checked out (copied byte for byte from 02-fastagi.raw).
     */
    public static final String ENV_02 = String.join("\n",
            "agi_network: yes", "agi_network_script: ivr", "agi_request: agi://127.0.0.1:4573/ivr",
            "agi_channel: Local/5551000@inbound-00000000;2", "agi_language: en", "agi_type: Local",
            "agi_uniqueid: 1795346158.1", "agi_version: 22.10.1", "agi_callerid: +15551230001",
            "agi_calleridname: Jane Doe", "agi_callingpres: 0", "agi_callingani2: 0", "agi_callington: 0",
            "agi_callingtns: 0", "agi_dnid: unknown", "agi_rdnis: unknown", "agi_context: inbound",
            "agi_extension: 5551000", "agi_priority: 4", "agi_enhanced: 0.0", "agi_accountcode: ",
            "agi_threadid: 140345351124672", "", "");

    private AsteriskCaptures() {
    }

    /** The bytes of a capture; the test is skipped (not failed) when the fixtures are not there. */
    public static byte[] raw(String name) {
        Path file = DIR.resolve(name);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("fixture " + file.toAbsolutePath() + " is missing (the captures live in fixtures/asterisk)");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment block of a capture, up to and including the empty line. */
    public static String environment(String name) {
        String text = new String(raw(name), StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("\n\n") + 2);
    }

    /** The lines Asterisk sent after the environment block (replies and HANGUP), without terminators. */
    public static List<String> replyLines(String name) {
        String text = new String(raw(name), StandardCharsets.UTF_8);
        String after = text.substring(text.indexOf("\n\n") + 2);
        return Arrays.asList(after.split("\n"));
    }

    /** The 02 environment block (from the capture when present, else {@link #ENV_02}) asking for {@code script}. */
    public static String environmentFor(String script) {
        Path file = DIR.resolve("02-fastagi.raw");
        String env = Files.isReadable(file) ? environment("02-fastagi.raw") : ENV_02;
        return env.replace("agi_network_script: ivr\n", "agi_network_script: " + script + "\n")
                .replace("agi_request: agi://127.0.0.1:4573/ivr\n", "agi_request: agi://127.0.0.1:4573/" + script + "\n");
    }
}
