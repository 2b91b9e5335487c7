package org.opencti.dialer.compliance;

import java.util.List;

/** Where every refused dial is recorded (the evidence that the rules were applied). May block: call from a worker. */
public interface RefusalLog {
    void record(DialRefusal refusal);

    /** The campaign's most recent refusals, newest first. */
    List<DialRefusal> recent(long campaignId, int limit);
}
