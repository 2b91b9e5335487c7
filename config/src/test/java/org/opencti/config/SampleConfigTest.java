package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        assertThat(config.agents()).extracting(AgentDef::id).containsExactly("2001", "2002", "2003", "2004", "3001", "3002");
        assertThat(config.agent("2002").orElseThrow().skills()).containsExactly(Map.entry("support", 6), Map.entry("spanish", 8));
        AgentDef sam = config.agent("3001").orElseThrow();
        assertThat(sam.role()).isEqualTo(AgentDef.ROLE_SUPERVISOR);
        assertThat(sam.skills()).isEmpty();
        assertThat(sam.phone()).isEqualTo("Local/3001@agents");
        assertThat(config.agent("3002").orElseThrow().role()).as("green's supervisor").isEqualTo(AgentDef.ROLE_SUPERVISOR);
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
    void sampleShowsTheRouterSettings() {
        ContactCentreConfig config = ConfigLoader.sample(Map.of());

        assertThat(config.routing().fairness()).isEqualTo(RoutingDef.OLDEST_CALL_FIRST);
        assertThat(config.routing().priority())
                .isEqualTo(new PriorityDef(Map.of("Gold", 300.0, "Silver", 150.0, "Bronze", 0.0), 200, 100, 1));
        assertThat(config.tiers()).extracting(TierDef::name).containsExactly("Gold", "Silver", "Bronze");
        assertThat(config.calendars()).extracting(CalendarDef::name).containsExactly("around-the-clock", "us-office");
        assertThat(config.calendar("us-office").orElseThrow().holidays()).hasSize(2);
        QueueDef billing = config.queue("billing").orElseThrow();
        assertThat(billing.expansion()).extracting(ExpansionStepDef::afterSeconds).containsExactly(30, 90);
        assertThat(billing.overflow()).hasSize(3);
        assertThat(billing.maxWaitSeconds()).isEqualTo(180);
        assertThat(config.agent("2001").orElseThrow().queues()).containsExactly(Map.entry("billing", 1), Map.entry("support", 2));
    }

    @Test
    void sampleQueuesAreOpenAtAnyHourAndOutlastTheDemoCallersPatience() {
        ContactCentreConfig config = ConfigLoader.sample(Map.of());

        for (QueueDef queue : config.queues()) {
            if (queue.calendar() != null) {
                CalendarDef calendar = config.calendar(queue.calendar()).orElseThrow();
                for (int hour = 0; hour < 24 * 7; hour++) {
                    Instant at = Instant.parse("2026-12-21T00:30:00Z").plus(Duration.ofHours(hour));
                    assertThat(calendar.isOpen(at)).as(queue.name() + " at " + at).isTrue();
                }
            }
            // The demo's callers hang up within 120 s; a time overflow earlier than that would change what the demo shows.
            assertThat(queue.maxWaitSeconds() == null || queue.maxWaitSeconds() > 120).as(queue.name()).isTrue();
        }
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
        assertThat(config.agentsInTeam("green")).extracting(AgentDef::id).containsExactly("2003", "2004", "3002");
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
