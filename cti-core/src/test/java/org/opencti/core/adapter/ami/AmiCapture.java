package org.opencti.core.adapter.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AMI messages of a real capture ({@code .raw}), each as its exact bytes and as parsed headers. */
final class AmiCapture {
    /** One message: the bytes as Asterisk wrote them (CRLF CRLF included) and its headers (first value wins). */
    record Message(byte[] bytes, Map<String, String> headers) {
        String event() {
            return headers.get("Event");
        }
    }

    private AmiCapture() {
    }

    static Path fixtures() {
        return Path.of(System.getProperty("user.dir")).resolve("../fixtures/asterisk").normalize();
    }

    /** Every message after the banner line, in order. */
    static List<Message> messages(String rawFile) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(fixtures().resolve(rawFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n") + 2;
        List<Message> messages = new ArrayList<>();
        while (start < text.length()) {
            int end = text.indexOf("\r\n\r\n", start);
            if (end < 0) {
                break;
            }
            String block = text.substring(start, end + 4);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                } else if (line.endsWith(":")) {
                    headers.putIfAbsent(line.substring(0, line.length() - 1), "");
                }
            }
            messages.add(new Message(block.getBytes(StandardCharsets.ISO_8859_1), headers));
            start = end + 4;
        }
        return messages;
    }

    /** Only the events. */
    static List<Message> events(String rawFile) {
        return messages(rawFile).stream().filter(m -> m.event() != null).toList();
    }
}
