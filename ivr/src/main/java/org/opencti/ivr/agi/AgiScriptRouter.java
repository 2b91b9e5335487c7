package org.opencti.ivr.agi;

import java.util.Map;
import java.util.Optional;

/**
 * Chooses the script for a FastAGI request. The plain implementation maps the script name ({@code ivr} in
 * {@code agi://host:4573/ivr?menu=main}) to a script; a router may also look at the request's parameters.
 */
@FunctionalInterface
public interface AgiScriptRouter {

    /** The script for this request, or empty: the server then says {@code VERBOSE "unknown script ..."} and closes. */
    Optional<AgiScript> route(AgiRequest request);

    /** Routes by {@link AgiRequest#script()} (exact match). */
    static AgiScriptRouter byName(Map<String, ? extends AgiScript> scripts) {
        Map<String, AgiScript> copy = Map.copyOf(scripts);
        return request -> Optional.ofNullable(copy.get(request.script()));
    }
}
