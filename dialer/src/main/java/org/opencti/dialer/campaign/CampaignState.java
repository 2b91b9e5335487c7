package org.opencti.dialer.campaign;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a campaign is in its life: a draft being prepared, running (the dialer works it), paused (it keeps its place and
 * can be started again), stopped (finished for now; it can be started again, which a paused campaign's runner may
 * treat differently: a stopped one gave back every lead it held).
 */
public enum CampaignState {
    DRAFT, RUNNING, PAUSED, STOPPED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignState of(String word) {
        return Words.parse(CampaignState.class, "state", word);
    }

    /** A change a person asks for, with the states it may start from. */
    public enum Command {
        START(RUNNING, EnumSet.of(DRAFT, PAUSED, STOPPED)),
        PAUSE(PAUSED, EnumSet.of(RUNNING)),
        STOP(STOPPED, EnumSet.of(RUNNING, PAUSED));

        private final CampaignState target;
        private final Set<CampaignState> from;

        Command(CampaignState target, Set<CampaignState> from) {
            this.target = target;
            this.from = Set.copyOf(from);
        }

        public CampaignState target() {
            return target;
        }

        public Set<CampaignState> from() {
            return from;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
