package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleConfigTest {

    @Test
    void sampleLoadsAsDocumented() {
        ContactCentreConfig config = ConfigLoader.sample(Map.of());

        assertThat(config.skills()).extracting(SkillDef::name).containsExactly("billing", "support", "spanish");
        assertThat(config.queues()).extracting(QueueDef::name).containsExactly("billing", "support", "spanish-support");
        assertThat(config.queue("spanish-support").orElseThrow().skills())
                .containsExactly(new SkillLevel("support", 3), new SkillLevel("spanish", 5));
        assertThat(config.queue("support").orElseThrow().wrapUpSeconds()).isEqualTo(10);
        assertThat(config.teams()).extracting(TeamDef::name).containsExactly("blue", "green");
        assertThat(config.agents()).extracting(AgentDef::id).containsExactly("2001", "2002", "2003", "2004", "3001");
        assertThat(config.agent("2002").orElseThrow().skills()).containsExactly(Map.entry("support", 6), Map.entry("spanish", 8));
        AgentDef sam = config.agent("3001").orElseThrow();
        assertThat(sam.role()).isEqualTo(AgentDef.ROLE_SUPERVISOR);
        assertThat(sam.skills()).isEmpty();
        assertThat(sam.phone()).isEqualTo("Local/3001@agents");
        assertThat(config.ami().host()).isEqualTo("127.0.0.1");
        assertThat(config.ami().port()).isEqualTo(5038);
        assertThat(config.ami().secret()).isEqualTo("cti-secret");
        assertThat(config.fastAgi().port()).isEqualTo(4573);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.postgres()).isNull();
        assertThat(config.redis()).isNull();
        assertThat(config.defaultQueue()).isEqualTo("support");
        assertThat(config.defaultRegion()).isEqualTo("US");
    }

    @Test
    void everySampleHashIsBcryptOfDemo() {
        for (AgentDef agent : ConfigLoader.sample(Map.of()).agents()) {
            assertThat(BCrypt.verifyer().verify("demo".toCharArray(), agent.passwordHash()).verified)
                    .as(agent.id()).isTrue();
        }
    }

    @Test
    void sampleTakesTheAmiSecretFromTheEnvironment() {
        assertThat(ConfigLoader.sample(Map.of("CTI_AMI_SECRET", "from-env")).ami().secret()).isEqualTo("from-env");
    }

    @Test
    void sampleTextIsCommentedAndLoadsFromAFile(@TempDir Path dir) throws Exception {
        String text = ConfigLoader.sampleText();
        assertThat(text.lines().filter(line -> line.strip().startsWith("#")).count()).isGreaterThan(50);
        Path file = dir.resolve("cc.yaml");
        Files.writeString(file, text);

        assertThat(ConfigLoader.load(file, Map.of())).isEqualTo(ConfigLoader.sample(Map.of()));
    }

    @Test
    void helpersFindByNameAndCollectionsAreImmutable() {
        ContactCentreConfig config = ConfigLoader.sample(Map.of());

        assertThat(config.queue("nope")).isEmpty();
        assertThat(config.agent("2001").orElseThrow().skillLevel("spanish")).isZero();
        assertThat(config.agentsInTeam("green")).extracting(AgentDef::id).containsExactly("2003", "2004");
        assertThatThrownBy(() -> config.agents().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.agent("2001").orElseThrow().skills().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingFileIsAProblemNotAStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": 1 problem\n  - file not found");
    }
}
