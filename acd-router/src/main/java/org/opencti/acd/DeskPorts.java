package org.opencti.acd;

import java.util.Objects;
import org.opencti.core.adapter.memory.InMemoryScheduledCallbackStore;
import org.opencti.core.adapter.memory.InMemoryDeskDefaults;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.port.DeskDefaults;

/** What the agent desk stores and checks: scheduled callbacks, each agent's last desk extension, the do-not-call check. */
public record DeskPorts(ScheduledCallbackStore callbacks, DeskDefaults defaults, DialGuard guard) {
    public DeskPorts {
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(guard, "guard");
    }

    /** Everything in memory, nothing refused: for tests and simulations. */
    public static DeskPorts inMemory() {
        return new DeskPorts(new InMemoryScheduledCallbackStore(), new InMemoryDeskDefaults(), DialGuard.NONE);
    }
}
