package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.MODEL;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import org.junit.jupiter.api.Test;

class SectionValidationTest {

    @Test
    void portOutOfRange() {
        assertThat(problems(VALID.replace("username: cti", "port: 70000, username: cti")))
                .containsExactly("asterisk.ami.port: 70000 is not a TCP port (1..65535)");
    }

    @Test
    void listeningPortsMayAskForAnyFreePortButTheAmiPortMayNot() {
        assertThat(TestYaml.parse(VALID + "http: {port: 0}\n").http().port()).isZero();
        assertThat(problems(VALID.replace("username: cti", "port: 0, username: cti")))
                .containsExactly("asterisk.ami.port: 0 is not a TCP port (1..65535)");
        assertThat(problems(VALID + "http: {port: -1}\n")).containsExactly("http.port: -1 is not a TCP port (0..65535)");
    }

    @Test
    void aQueueLogFileIsOptional() {
        assertThat(TestYaml.parse(VALID).queueLogFile()).isNull();
        assertThat(TestYaml.parse(VALID + "queueLogFile: /var/log/asterisk/queue_log_cti\n").queueLogFile())
            .isEqualTo("/var/log/asterisk/queue_log_cti");
        assertThat(problems(VALID + "queueLogFile: \"  \"\n")).containsExactly("queueLogFile: must be a file path");
    }

    @Test
    void wrongTypeIsNamedWithTheValue() {
        assertThat(problems(VALID + "http: {port: abc}\n")).containsExactly("http.port: expected an integer, got \"abc\"");
        assertThat(problems(VALID + "http: {port: 0x1F90}\n")).as("decimal only").containsExactly(
                "http.port: expected an integer, got \"0x1F90\"");
        assertThat(problems(VALID + "http: [8080]\n")).containsExactly("http: expected a mapping, got a list");
    }

    @Test
    void unknownKeySuggestsTheClosestKey() {
        assertThat(problems(VALID + "http: {prot: 8080}\n")).containsExactly("http.prot: unknown key (did you mean \"port\"?)");
        assertThat(problems(VALID.replace("{name: support, skills", "{name: support, wrap-up-seconds: 5, skills")))
                .containsExactly("queues[1].wrap-up-seconds: unknown key (did you mean \"wrapUpSeconds\"?)");
        assertThat(problems(VALID + "redis-cluster: {}\n")).containsExactly("redis-cluster: unknown key (expected one of defaultRegion,"
                + " defaultQueue, routing, tiers, calendars, skills, queues, teams, agents, asterisk, http, postgres, redis,"
                + " queueLogFile, ivrMenuFile, timeZone, desk, cluster)");
    }

    @Test
    void missingAsteriskSectionNamesTheRequiredKeys() {
        assertThat(problems(MODEL)).containsExactly("asterisk.ami.username: required", "asterisk.ami.secret: required");
    }

    @Test
    void pingTimeoutMayNotExceedTheInterval() {
        assertThat(problems(VALID.replace("username: cti", "pingIntervalSeconds: 2, username: cti")))
                .containsExactly("asterisk.ami.pingTimeoutSeconds: 3 must not exceed pingIntervalSeconds (2)");
    }

    @Test
    void theHintContextDefaultsToAgentsAndMustBeADialplanContextName() {
        assertThat(TestYaml.parse(VALID).ami().hintContext()).isEqualTo("agents");
        assertThat(TestYaml.parse(VALID.replace("username: cti", "hintContext: phones-hq, username: cti")).ami().hintContext())
                .isEqualTo("phones-hq");
        assertThat(problems(VALID.replace("username: cti", "hintContext: \"agents\\r\\nAction: Originate\", username: cti")))
                .singleElement().satisfies(p -> assertThat(p).startsWith("asterisk.ami.hintContext: ")
                        .endsWith(" is not a dialplan context name (letters, digits, '-', '_' and '.', at most 79)"));
        assertThat(problems(VALID.replace("username: cti", "hintContext: " + "x".repeat(80) + ", username: cti"))).hasSize(1);
    }

    @Test
    void httpOriginsAreCheckedAndWildcardRefused() {
        assertThat(problems(VALID + "http: {allowedOrigins: [\"*\", \"https://desk.example.com/\"]}\n")).containsExactly(
                "http.allowedOrigins[0]: \"*\" is not allowed: it would let any web page act as a logged-in agent; list each origin",
                "http.allowedOrigins[1]: \"https://desk.example.com/\" is not an origin (scheme://host[:port], no path or trailing slash)");
        assertThat(TestYaml.parse(VALID + "http: {allowedOrigins: [\"https://Desk.Example.com:8443\"]}\n").http().allowedOrigins())
                .containsExactly("https://desk.example.com:8443");
    }

    @Test
    void httpAndFastAgiMayNotShareAPort() {
        assertThat(problems(VALID + "http: {port: 4573}\n")).containsExactly("http.port: 4573 is also asterisk.fastAgi.port");
    }

    @Test
    void optionalStoresAreBuiltWhenPresentAndChecked() {
        ContactCentreConfig config = TestYaml.parse(VALID + """
                postgres: {jdbcUrl: "jdbc:postgresql://db/cti", username: cti, password: pw}
                redis: {uri: "redis://cache:6379"}
                """);
        assertThat(config.postgres()).isEqualTo(new PostgresConfig("jdbc:postgresql://db/cti", "cti", "pw", 8, 250));
        assertThat(config.redis()).isEqualTo(new RedisConfig("redis://cache:6379", "cti:"));

        assertThat(TestYaml.parse(VALID + "postgres:\nredis: ~\n").postgres()).as("an empty section is an absent one").isNull();
        assertThat(problems(VALID + "postgres: {jdbcUrl: \"jdbc:mysql://db/cti\", poolSize: 0}\nredis: {uri: \"http://cache\"}\n"))
                .containsExactly(
                        "postgres.jdbcUrl: must start with jdbc:postgresql:",
                        "postgres.username: required",
                        "postgres.poolSize: 0 is outside 1..200",
                        "redis.uri: must start with redis://, rediss://, redis-socket://, redis-sentinel://");
    }

    @Test
    void emptyFileAndNonMappingTopLevel() {
        assertThat(problems("# nothing but a comment\n"))
                .containsExactly("the file is empty; see the sample configuration for a starting point");
        assertThat(problems("- skills\n- queues\n"))
                .containsExactly("the top level must be a mapping of sections (skills:, queues:, ...), got a list");
    }

    @Test
    void listItemsMustBeMappings() {
        assertThat(problems(VALID.replace("  - {name: blue}", "  - blue"))).containsExactly(
                "teams[0]: expected a mapping, got a string", "agents[0].team: unknown team \"blue\"");
    }
}
