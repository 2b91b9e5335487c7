package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void toStringMasksSecrets() {
        assertThat(new AmiConfig("h", 5038, "cti", "amisecret", 5, 3, 100).toString())
                .contains("secret=****").doesNotContain("amisecret");
        assertThat(new PostgresConfig("jdbc:postgresql://db/cti?user=u&password=urlpw&ssl=true", "u", "pgsecret", 8, 250).toString())
                .contains("password=****&ssl=true", "password=****,").doesNotContain("urlpw", "pgsecret");
        assertThat(new AgentDef("1", "A", null, "PJSIP/1", Map.of(), TestYaml.HASH, "agent").toString()).doesNotContain(TestYaml.HASH);
    }

    @Test
    void redisUriPasswordsAreMasked() {
        assertThat(new RedisConfig("redis://:pw@host:6379/0", "cti:").toString()).contains("uri=redis://:****@host:6379/0");
        assertThat(new RedisConfig("rediss://user:pw@host", "cti:").toString()).contains("uri=rediss://user:****@host");
        assertThat(new RedisConfig("redis://pw@host", "cti:").toString()).as("Lettuce reads this as a password")
                .contains("uri=redis://****@host");
        assertThat(new RedisConfig("redis://host:6379", "cti:").toString()).contains("uri=redis://host:6379");
    }

    @Test
    void wholeConfigToStringHasNoSecrets() {
        ContactCentreConfig config = ConfigLoader.parse(VALID, "test.yaml", Map.of("CTI_PG_URL", "jdbc:postgresql://db/cti",
                "CTI_PG_USER", "cti", "CTI_PG_PASSWORD", "pgsecret", "CTI_REDIS_URI", "redis://:redissecret@cache"));

        assertThat(config.toString()).doesNotContain("s3cret", "pgsecret", "redissecret", TestYaml.HASH);
    }

    @Test
    void errorMessagesNeverQuoteSecrets() {
        String secret = "Sup3r-Secret";
        List<String> broken = List.of(
                VALID.replace("secret: s3cret", "secret: [" + secret + "]"),
                VALID.replace("secret: s3cret", "secret: \"" + secret + "${\""),
                VALID.replace("secret: s3cret", "secret: \"" + secret + "\n  port: [1"),
                VALID.replace("secret: s3cret", "secret: " + secret) + "postgres: {jdbcUrl: \"jdbc:pg://u:" + secret + "@db\"}\n"
                        + "redis: {uri: \"http://:" + secret + "@cache\"}\n",
                VALID.replace("secret: s3cret", "secert: " + secret));

        for (String yaml : broken) {
            assertThat(TestYaml.failure(yaml, Map.of()).getMessage()).doesNotContain(secret);
        }
    }
}
