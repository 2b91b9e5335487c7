package org.opencti.ivr.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code agi_*} environment block Asterisk sends when a FastAGI session starts.
 *
 * @param script       the script name from {@code agi_network_script} without its query ({@code ivr} for
 *                     {@code ivr?menu=main}); empty if Asterisk sent none
 * @param parameters   the query parameters of {@code agi_network_script}, URL-decoded, in order
 * @param channel      {@code agi_channel}
 * @param uniqueId     {@code agi_uniqueid}
 * @param callerId     {@code agi_callerid} (Asterisk writes {@code unknown} when there is none)
 * @param callerIdName {@code agi_calleridname}
 * @param dnid         {@code agi_dnid}
 * @param extension    {@code agi_extension}
 * @param context      {@code agi_context}
 * @param priority     {@code agi_priority}
 * @param arguments    {@code agi_arg_1}, {@code agi_arg_2}, ... in order (the AGI() arguments after the URL)
 * @param others       every other {@code agi_*} key as sent (e.g. {@code agi_language}, {@code agi_request}), in order
 * @param peer         the address the session came from ({@code 10.0.0.12}), empty when unknown: with several Asterisk
 *                     boxes, which box is calling
 */
public record AgiRequest(String script, Map<String, String> parameters, String channel, String uniqueId, String callerId,
                         String callerIdName, String dnid, String extension, String context, String priority,
                         List<String> arguments, Map<String, String> others, String peer) {

    private static final String ARG_PREFIX = "agi_arg_";

    public AgiRequest {
        Objects.requireNonNull(script, "script");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        arguments = List.copyOf(arguments);
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        peer = peer == null ? "" : peer;
    }

    /** A request whose source address is not known. */
    public AgiRequest(String script, Map<String, String> parameters, String channel, String uniqueId, String callerId,
                      String callerIdName, String dnid, String extension, String context, String priority, List<String> arguments,
                      Map<String, String> others) {
        this(script, parameters, channel, uniqueId, callerId, callerIdName, dnid, extension, context, priority, arguments, others, "");
    }

    /** One query parameter of the script URL ({@code menu} in {@code ivr?menu=main}), or {@code fallback}. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }

    /**
     * Builds a request from the environment block, keys as sent ({@code agi_channel}, ...).
     * Missing keys become empty strings.
     */
    public static AgiRequest fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, "");
    }

    /** As {@link #fromEnvironment(Map)}, from a session that came from {@code peer}. */
    public static AgiRequest fromEnvironment(Map<String, String> env, String peer) {
        Map<String, String> rest = new LinkedHashMap<>(env);
        String networkScript = take(rest, "agi_network_script");
        String channel = take(rest, "agi_channel");
        String uniqueId = take(rest, "agi_uniqueid");
        String callerId = take(rest, "agi_callerid");
        String callerIdName = take(rest, "agi_calleridname");
        String dnid = take(rest, "agi_dnid");
        String extension = take(rest, "agi_extension");
        String context = take(rest, "agi_context");
        String priority = take(rest, "agi_priority");
        TreeMap<Integer, String> args = new TreeMap<>();
        rest.entrySet().removeIf(e -> {
            Integer index = argumentIndex(e.getKey());
            if (index == null) {
                return false;
            }
            args.put(index, e.getValue());
            return true;
        });
        int query = networkScript.indexOf('?');
        String script = query < 0 ? networkScript : networkScript.substring(0, query);
        Map<String, String> parameters = query < 0 ? Map.of() : parseQuery(networkScript.substring(query + 1));
        return new AgiRequest(stripSlashes(script), parameters, channel, uniqueId, callerId, callerIdName, dnid, extension,
                context, priority, new ArrayList<>(args.values()), rest, peer);
    }

    /** Parses {@code a=1&b=x%20y}; the first occurrence of a name wins; a name without {@code =} maps to "". */
    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return s;
        }
    }

    private static String stripSlashes(String script) {
        String s = script;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    private static String take(Map<String, String> env, String key) {
        String value = env.remove(key);
        return value == null ? "" : value;
    }

    private static Integer argumentIndex(String key) {
        if (!key.startsWith(ARG_PREFIX)) {
            return null;
        }
        try {
            return Integer.parseInt(key.substring(ARG_PREFIX.length()));
        } catch (NumberFormatException notAnArgument) {
            return null;
        }
    }
}
