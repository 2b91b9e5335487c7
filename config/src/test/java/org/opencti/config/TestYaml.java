package org.opencti.config;

import java.util.List;
import java.util.Map;

/** Small valid documents to break one rule at a time, and a way to get at the problems. */
final class TestYaml {

    /** bcrypt("demo"), cost 10. */
    static final String HASH = "$2a$10$0A4eNOvftPK6/C19shDC1OyV0xC7uyWAfi/rS./uI2HlANVkjc/m.";

    /** Minimal valid configuration; the sections after agents are in {@link #INFRA}. */
    static final String MODEL = """
            skills:
              - {name: billing}
              - {name: support}
            queues:
              - {name: billing, skills: [{skill: billing, minLevel: 5}]}
              - {name: support, skills: [{skill: support, minLevel: 3}]}
            teams:
              - {name: blue}
            """;

    static final String AGENT = "  - {id: \"2001\", name: Ann, team: blue, phone: PJSIP/2001, skills: {billing: 7}, passwordHash: \""
            + HASH + "\"}\n";

    static final String INFRA = """
            asterisk:
              ami: {username: cti, secret: s3cret}
            """;

    static final String VALID = MODEL + "agents:\n" + AGENT + INFRA;

    private TestYaml() {
    }

    /** A valid document whose agents list is {@code agents} (list items, indented by two). */
    static String withAgents(String agents) {
        return MODEL + "agents:\n" + agents + INFRA;
    }

    static ContactCentreConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", Map.of());
    }

    static List<String> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    static List<String> problems(String yaml, Map<String, String> env) {
        return failure(yaml, env).problems();
    }

    static ConfigException failure(String yaml, Map<String, String> env) {
        try {
            ConfigLoader.parse(yaml, "test.yaml", env);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }
}
