package org.opencti.dialer.campaign;

import java.util.List;
import java.util.Optional;

/**
 * Where campaigns live. Methods may block (JDBC): call them from a worker. A campaign is written whole (its rules,
 * caps and dispositions replace the stored ones) so a reader never sees half an edit.
 */
public interface CampaignStore {
    /** Insert ({@code id} 0) or replace; returns the stored campaign. A duplicate name or unknown id is refused. */
    Campaign save(Campaign campaign);

    Optional<Campaign> find(long id);

    /** All campaigns by name. */
    List<Campaign> all();
}
