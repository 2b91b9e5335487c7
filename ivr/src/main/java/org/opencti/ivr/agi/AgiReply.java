package org.opencti.ivr.agi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reply from Asterisk to an AGI command.
 *
 * <p>{@code 200 result=49 endpos=13120} is {@code code=200, result="49", data=null, attributes={endpos=13120}};
 * {@code 200 result=1 (inbound)} has {@code data="inbound"}; {@code 200 result= (timeout)} has {@code result=""} and
 * {@code data="timeout"}. For any other code ({@code 510}, {@code 511}, {@code 520}) {@code result} is null and
 * {@code data} is Asterisk's text (for {@code 520} the whole usage block, lines joined with {@code \n}).
 *
 * @param code       the three-digit status code
 * @param result     the text after {@code result=} up to the first space; null unless code is 200
 * @param data       the text in parentheses after the result, or the message of a non-200 reply; null if none
 * @param attributes {@code name=value} pairs after the result (e.g. {@code endpos}), in order
 */
public record AgiReply(int code, String result, String data, Map<String, String> attributes) {
    public static final int SUCCESS = 200;
    public static final int INVALID_COMMAND = 510;
    public static final int DEAD_CHANNEL = 511;
    public static final int USAGE = 520;

    public AgiReply {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A {@code 200} reply with just a result. */
    public static AgiReply ok(String result) {
        return new AgiReply(SUCCESS, result, null, Map.of());
    }

    public boolean isSuccess() {
        return code == SUCCESS;
    }

    /** {@code (timeout)} after the result: GET DATA ran out of time (any digits before it are in {@link #result()}). */
    public boolean isTimeout() {
        return "timeout".equals(data);
    }

    /** The result as a number ({@code -1} is Asterisk's "failed or channel gone"), if it is one. */
    public OptionalInt resultAsInt() {
        if (result == null || result.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(result));
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    /**
     * The digit pressed, for commands that return it as an ASCII code (STREAM FILE, WAIT FOR DIGIT, SAY *):
     * {@code result=55} is {@code '7'}; {@code 0} (nothing pressed) and {@code -1} are empty.
     */
    public Optional<Character> digit() {
        OptionalInt value = resultAsInt();
        if (value.isEmpty() || value.getAsInt() <= 0 || value.getAsInt() > 127) {
            return Optional.empty();
        }
        return Optional.of((char) value.getAsInt());
    }

    /** The digits GET DATA collected ({@code result=42} is "42"); empty on no input or {@code -1}. */
    public String digits() {
        if (result == null || result.startsWith("-")) {
            return "";
        }
        return result;
    }

    /** An attribute such as {@code endpos}. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
