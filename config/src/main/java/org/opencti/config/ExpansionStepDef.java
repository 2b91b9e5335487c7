package org.opencti.config;

import java.util.List;

/**
 * A widening of a queue's requirements once a call has waited {@code afterSeconds}. From then on an agent who meets every
 * requirement of any one alternative also qualifies; agents who qualified before still do, and the call keeps its place.
 *
 * @param afterSeconds seconds of waiting after which the step applies; more than 0 and more than the previous step's
 * @param anyOf        alternatives, each a list of requirements that must all hold; an empty alternative admits any agent
 */
public record ExpansionStepDef(int afterSeconds, List<List<SkillLevel>> anyOf) {

    public ExpansionStepDef {
        anyOf = anyOf == null ? List.of() : anyOf.stream().map(List::copyOf).toList();
    }
}
