package org.opencti.core.adapter.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.core.port.DeskDefaults;

/** Agents' desk defaults in memory: the twin of {@code PostgresDeskDefaults}. */
public final class InMemoryDeskDefaults implements DeskDefaults {
    private final Map<String, String> extensions = new ConcurrentHashMap<>();

    @Override
    public Optional<String> extension(String agentId) {
        return Optional.ofNullable(extensions.get(agentId));
    }

    @Override
    public void rememberExtension(String agentId, String extension, Instant at) {
        extensions.put(agentId, DeskDefaults.checkExtension(extension));
    }
}
