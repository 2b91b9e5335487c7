package org.opencti.desktop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;

/** Signed tokens: what one node signs, another with the same secret accepts, and nothing else gets through. */
class AuthServiceTest {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "demo".toCharArray());
    private static final List<User> USERS = List.of(new User("2001", "Ann", "blue", Role.AGENT, HASH),
        new User("3001", "Sue", "blue", Role.SUPERVISOR, HASH));
    private static final byte[] SECRET = "a secret every node of the floor shares".getBytes(StandardCharsets.UTF_8);

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2025-03-03T09:00:00Z"));
    private final AuthService nodeA = new AuthService(USERS, time.clock(), Duration.ofHours(8), SECRET);
    private final AuthService nodeB = new AuthService(USERS, time.clock(), Duration.ofHours(8), SECRET.clone());

    @Test
    void aTokenFromOneNodeIsAcceptedByAnotherWithTheSameSecretAndRefusedWithAnother() throws Exception {
        Session s = nodeA.login("2001", "demo");
        assertThat(s.token().length()).isLessThanOrEqualTo(SignedTokens.MAX_LENGTH);
        assertThat(nodeB.authenticate(s.token())).hasValueSatisfying(b -> {
            assertThat(b.user().id()).isEqualTo("2001");
            assertThat(b.expiresAt()).isEqualTo(s.expiresAt()).isEqualTo(Instant.parse("2025-03-03T17:00:00Z"));
        });
        AuthService stranger = new AuthService(USERS, time.clock(), Duration.ofHours(8),
            "another floor's secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8));
        assertThat(stranger.authenticate(s.token())).isEmpty();
        assertThat(new AuthService(USERS, time.clock(), Duration.ofHours(8)).authenticate(s.token())).isEmpty();
    }

    @Test
    void tamperedMalformedAndOverlongTokensAreRefusedOnBothNodes() throws Exception {
        String token = nodeA.login("2001", "demo").token();
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        // the same mac over a payload naming the supervisor instead
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("2001", "3001")
            .getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
        int middle = dot + 10;
        String flipped = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        char last = token.charAt(token.length() - 1);
        // the mac's last character has two spare bits: another spelling of the same mac is refused too
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        List<String> bad = new ArrayList<>(List.of(forged, flipped, respelled, token.substring(0, dot), token + ".x", token + "=",
            "." + token.substring(dot + 1), token.substring(0, 5) + "+" + token.substring(6), "",
            "x".repeat(300), token + "A".repeat(257 - token.length())));
        bad.add(null);
        for (AuthService node : List.of(nodeA, nodeB)) {
            for (String t : bad) {
                assertThat(node.authenticate(t)).as("token %s", t).isEmpty();
            }
            assertThat(node.authenticate(token)).isPresent();
        }
    }

    @Test
    void expiredTokensAreRefusedOnBothNodes() throws Exception {
        String token = nodeA.login("2001", "demo").token();
        time.advance(Duration.ofHours(8).minusMillis(1));
        assertThat(nodeB.authenticate(token)).isPresent();
        time.advance(Duration.ofMillis(1));
        assertThat(nodeA.authenticate(token)).isEmpty();
        assertThat(nodeB.authenticate(token)).isEmpty();
    }

    @Test
    void aLogoutRevokesOnTheNodeAndOnEveryNodeItIsRelayedTo() throws Exception {
        List<AuthService.Revocation> relayed = new ArrayList<>();
        nodeA.onRevoke(relayed::add);
        String token = nodeA.login("2001", "demo").token();
        String other = nodeB.login("2001", "demo").token();
        nodeA.logout(token);
        assertThat(nodeA.authenticate(token)).isEmpty();
        assertThat(relayed).singleElement().satisfies(r -> assertThat(r.until()).isEqualTo(Instant.parse("2025-03-03T17:00:00Z")));
        assertThat(nodeB.authenticate(token)).as("before the relay").isPresent();
        assertThat(nodeB.revoke(relayed.get(0))).isTrue();
        assertThat(nodeB.authenticate(token)).isEmpty();
        assertThat(nodeA.authenticate(other)).as("only that token").isPresent();
        nodeA.logout(token);
        assertThat(relayed).as("revoked once").hasSize(1);
        nodeA.logout("not a token");
        assertThat(relayed).hasSize(1);
    }

    @Test
    void revocationsAreForgottenOnceTheTokenWouldHaveExpired() throws Exception {
        String token = nodeA.login("2001", "demo").token();
        nodeA.logout(token);
        time.advance(Duration.ofHours(9));
        assertThat(nodeA.revoke(new AuthService.Revocation("late", time.now().minusSeconds(1)))).as("already expired").isFalse();
        assertThat(nodeA.authenticate(token)).as("expired anyway").isEmpty();
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AuthService.secret("short")).hasMessageContaining("CTI_TOKEN_SECRET").hasMessageContaining("32");
        assertThatThrownBy(() -> new AuthService(USERS, time.clock(), Duration.ofHours(1), new byte[31]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuthService.secret("x".repeat(32))).hasSize(32);
    }
}
