package org.opencti.config;

/**
 * A skill that queues can require and agents can have.
 *
 * @param name        identifier used by queues and agents ({@code billing})
 * @param description free text for people; empty when not given
 */
public record SkillDef(String name, String description) {

    public SkillDef {
        description = description == null ? "" : description;
    }
}
