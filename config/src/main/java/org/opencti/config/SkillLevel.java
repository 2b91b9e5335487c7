package org.opencti.config;

/**
 * A queue's requirement: agents need {@code skill} at {@code minLevel} or better.
 *
 * @param skill    name of a {@link SkillDef}
 * @param minLevel {@value #MIN}..{@value #MAX}
 */
public record SkillLevel(String skill, int minLevel) {

    /** Lowest skill level. */
    public static final int MIN = 1;
    /** Highest skill level. */
    public static final int MAX = 10;
}
