package org.opencti.core.adapter.ami;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.event.UserEvent;

/**
 * Base of the UserEvent beans we register with Asterisk-Java. Asterisk-Java builds a UserEvent only
 * for a name that has a registered class, and fills only the headers that class has setters for
 * (there is no catch-all for unknown headers). Subclasses declare one setter per header and call
 * {@link #header}; the translator reads {@link #headers()} in arrival-independent, declared form.
 */
public abstract class CapturingUserEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> captured = new LinkedHashMap<>();

    protected CapturingUserEvent(Object source) {
        super(source);
    }

    /** The UserEvent name as Asterisk sends it, e.g. {@code CtiScreenPop}. */
    public abstract String name();

    protected final void header(String name, String value) {
        if (value != null) {
            captured.put(name, value);
        }
    }

    /** The captured headers, plus {@code Channel} and {@code Uniqueid} when the event came from a channel. */
    public final Map<String, String> headers() {
        Map<String, String> all = new LinkedHashMap<>(captured);
        String channel = AmiEventTranslator.clean(getChannel());
        if (channel != null) {
            all.put("Channel", channel);
        }
        String uniqueId = AmiEventTranslator.clean(getUniqueId());
        if (uniqueId != null) {
            all.put("Uniqueid", uniqueId);
        }
        return all;
    }
}
