package org.opencti.config;

/**
 * A group of agents, typically one supervisor's people.
 *
 * @param name        identifier referenced by {@link AgentDef#team()}
 * @param description free text for people; empty when not given
 */
public record TeamDef(String name, String description) {

    public TeamDef {
        description = description == null ? "" : description;
    }
}
