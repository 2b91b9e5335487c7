package org.opencti.pbxsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab captures in {@code ../fixtures/asterisk} (from the module directory). Tests that need
 * them fail loudly when a capture is missing: the captures are part of the repository.
 */
final class Fixtures {
    static final Path DIR = Path.of("..", "fixtures", "asterisk");

    private Fixtures() {
    }

    static Path require(String file) {
        Path p = DIR.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture " + p.toAbsolutePath() + " is missing (the captures live in fixtures/asterisk)");
        }
        return p;
    }

    static byte[] raw(String name) {
        try {
            return Files.readAllBytes(require(name + ".raw"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> txt(String name) {
        try {
            return Files.readAllLines(require(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The messages one side wrote in a transcript ({@code "S> "} or {@code "C> "}), as header line lists; the
     * AMI banner and empty lines between messages are left out; {@code <<LF-only>>} markers are removed.
     */
    static List<List<String>> messages(List<String> transcript, String side) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String line : transcript) {
            if (!line.startsWith(side)) {
                continue;
            }
            String text = line.substring(side.length()).replace("  <<LF-only>>", "");
            if (text.startsWith("Asterisk Call Manager/")) {
                continue;
            }
            if (text.isEmpty()) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
                continue;
            }
            cur.add(text);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** Header lines of {@code msg} ({@code Name: value}) as an {@link AmiMessage}. */
    static AmiMessage toMessage(List<String> lines) {
        return AmiMessageDecoder.parse(String.join("\r\n", lines) + "\r\n");
    }

    /** The transcript lines after the first line equal to {@code from}, up to (without) the next line equal to {@code to}. */
    static List<String> between(List<String> transcript, String from, String to) {
        int start = transcript.indexOf(from);
        if (start < 0) {
            throw new IllegalArgumentException("no line " + from);
        }
        int end = start + 1;
        while (end < transcript.size() && !transcript.get(end).equals(to)) {
            end++;
        }
        return transcript.subList(start + 1, end);
    }

    /** A Local channel name without its pair counter: {@code Local/2001@agents-N;1}. */
    static String normalize(String channel) {
        return channel == null ? null : channel.replaceAll("-[0-9a-f]{8};", "-N;");
    }

    /** What identifies a message in an event sequence: Event (or Response), the channel, and the key fields. */
    static String signature(AmiMessage m) {
        StringBuilder sb = new StringBuilder(m.has("Event") ? m.event() : "Response:" + m.get("Response"));
        for (String h : List.of("Channel", "DestChannel", "LocalOneChannel")) {
            if (m.has(h)) {
                sb.append(' ').append(normalize(m.get(h)));
            }
        }
        for (String h : List.of("Variable", "Value", "Application", "ChannelStateDesc", "DialStatus", "Reason", "Cause",
            "Response", "BridgeNumChannels")) {
            if (m.has(h) && m.has("Event")) {
                sb.append(' ').append(h).append('=').append(m.get(h));
            }
        }
        return sb.toString();
    }

    /** The lines of a FastAGI transcript written by {@code side}, in order (LF protocol, one line each). */
    static List<String> agiLines(List<String> transcript, String side) {
        List<String> out = new ArrayList<>();
        for (String line : transcript) {
            if (line.startsWith(side)) {
                out.add(line.substring(side.length()));
            }
        }
        return out;
    }
}
