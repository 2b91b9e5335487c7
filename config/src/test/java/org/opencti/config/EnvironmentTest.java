package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private static final String WITH_PLACEHOLDERS = VALID.replace("secret: s3cret", "secret: \"${CTI_AMI_SECRET}\"")
            + "http: {port: \"${PORT:-9090}\", bindHost: \"${HOST:-0.0.0.0}\"}\n";

    private static ContactCentreConfig parse(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, "test.yaml", env);
    }

    @Test
    void placeholdersAreReplacedFromTheEnvironmentWithDefaults() {
        ContactCentreConfig config = parse(WITH_PLACEHOLDERS, Map.of("CTI_AMI_SECRET", "pw", "PORT", "7000"));

        assertThat(config.ami().secret()).isEqualTo("pw");
        assertThat(config.http().port()).isEqualTo(7000);
        assertThat(config.http().bindHost()).as("default").isEqualTo("0.0.0.0");
        assertThat(parse(WITH_PLACEHOLDERS, Map.of("CTI_AMI_SECRET", "pw", "PORT", "")).http().port())
                .as("empty counts as unset, as in the shell").isEqualTo(9090);
    }

    @Test
    void unsetVariableIsAProblemAtItsPath() {
        assertThat(problems(WITH_PLACEHOLDERS)).containsExactly("asterisk.ami.secret: environment variable CTI_AMI_SECRET is not set");
    }

    @Test
    void literalDollarBraceAndMalformedPlaceholders() {
        String yaml = VALID.replace("secret: s3cret", "secret: \"a$${b}c\"");
        assertThat(parse(yaml, Map.of()).ami().secret()).isEqualTo("a${b}c");

        assertThat(problems(VALID.replace("secret: s3cret", "secret: \"x${oops\""))).containsExactly(
                "asterisk.ami.secret: malformed ${...} placeholder (write ${NAME} or ${NAME:-default}; $${ gives a literal ${)");
    }

    @Test
    void overridesReplaceFileValues() {
        ContactCentreConfig config = parse(VALID, Map.of(
                "CTI_AMI_HOST", "pbx.internal", "CTI_AMI_PORT", "5039", "CTI_AMI_USERNAME", "ops", "CTI_AMI_SECRET", "env-secret",
                "CTI_FASTAGI_HOST", "10.0.0.5", "CTI_FASTAGI_PORT", "4574", "CTI_HTTP_HOST", "0.0.0.0", "CTI_HTTP_PORT", "8081"));

        assertThat(config.ami()).isEqualTo(new AmiConfig("pbx.internal", 5039, "ops", "env-secret", 5, 3, 100_000));
        assertThat(config.fastAgi().bindHost()).isEqualTo("10.0.0.5");
        assertThat(config.fastAgi().port()).isEqualTo(4574);
        assertThat(config.http().bindHost()).isEqualTo("0.0.0.0");
        assertThat(config.http().port()).isEqualTo(8081);
    }

    @Test
    void overrideWinsOverAnUnsetPlaceholderWithoutResolvingItsValue() {
        ContactCentreConfig config = parse(WITH_PLACEHOLDERS.replace("CTI_AMI_SECRET", "UNSET"), Map.of("CTI_AMI_SECRET", "x${Y}"));

        assertThat(config.ami().secret()).isEqualTo("x${Y}");
    }

    @Test
    void storeOverridesCreateTheirSections() {
        ContactCentreConfig config = parse(VALID, Map.of("CTI_PG_URL", "jdbc:postgresql://db/cti", "CTI_PG_USER", "cti",
                "CTI_PG_PASSWORD", "pgpw", "CTI_REDIS_URI", "redis://:rpw@cache:6379"));

        assertThat(config.postgres()).isEqualTo(new PostgresConfig("jdbc:postgresql://db/cti", "cti", "pgpw", 8, 250));
        assertThat(config.redis()).isEqualTo(new RedisConfig("redis://:rpw@cache:6379", "cti:"));
        assertThat(parse(VALID, Map.of("CTI_PG_PASSWORD", "pgpw")).postgres())
                .as("user and password alone do not turn postgres on").isNull();
    }

    @Test
    void nonNumericPortOverride() {
        assertThat(problems(VALID, Map.of("CTI_HTTP_PORT", "x"))).containsExactly("env CTI_HTTP_PORT: expected an integer, got \"x\"");
    }

    @Test
    void problemWithAnOverriddenValueNamesTheVariable() {
        assertThat(problems(VALID, Map.of("CTI_AMI_PORT", "70000")))
                .containsExactly("asterisk.ami.port: 70000 is not a TCP port (1..65535) (set by CTI_AMI_PORT)");
    }

    @Test
    void theTokenSecretComesFromTheEnvironmentIsCheckedAndNeverShown() {
        String secret = "0123456789abcdef0123456789abcdef";
        HttpConfig http = parse(VALID, Map.of("CTI_TOKEN_SECRET", secret)).http();
        assertThat(http.tokenSecret()).isEqualTo(secret);
        assertThat(http.toString()).doesNotContain(secret).contains("tokenSecret=****");
        assertThat(parse(VALID, Map.of()).http().tokenSecret()).as("none: a random one per start").isNull();
        assertThat(problems(VALID, Map.of("CTI_TOKEN_SECRET", "too short"))).containsExactly("http.tokenSecret: at least 32 bytes"
                + " (a random string every CTI node shares), got 9 (set by CTI_TOKEN_SECRET)");
    }
}
