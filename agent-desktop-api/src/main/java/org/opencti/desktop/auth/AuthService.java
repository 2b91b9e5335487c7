package org.opencti.desktop.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Password sign-in and bearer tokens. Hash checks are slow on purpose (bcrypt): call {@link #login} from a
 * worker, never an event loop. Failed attempts per user are limited to slow guessing down (per node).
 *
 * <p>Tokens are signed ({@link SignedTokens}), not stored: every node with the same secret accepts every node's tokens
 * without a round trip, so {@link #authenticate} is cheap enough for an event loop. A logout revokes the token's id until
 * the token would have expired anyway, here and, through {@link #onRevoke}, on the other nodes ({@link #revoke}).
 */
public final class AuthService {
    /** Why a login was refused; the message is safe to show (it never says whether the user exists). */
    public static final class LoginRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean rateLimited;

        LoginRefused(String message, boolean rateLimited) {
            super(message);
            this.rateLimited = rateLimited;
        }

        public boolean rateLimited() {
            return rateLimited;
        }
    }

    private static final int MAX_FAILURES = 5;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    // A real hash to compare against when the user does not exist, so timing does not tell.
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(4, "no such user".toCharArray());

    private final Map<String, User> users;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final SignedTokens tokens;
    /** Revoked token ids until the token's own expiry; after that the signature check alone refuses it. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile Consumer<Revocation> revocations = r -> { };

    private record Failures(int count, Instant windowStart) { }

    /** A logout: the token id it revoked and until when the token would have been valid. */
    public record Revocation(String tokenId, Instant until) {
        public Revocation {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(until, "until");
        }
    }

    /** One node alone: a random secret made now, so tokens die with the node (as they always did). */
    public AuthService(List<User> users, Clock clock, Duration tokenLifetime) {
        this(users, clock, tokenLifetime, randomSecret());
    }

    /** With the secret every node shares ({@code CTI_TOKEN_SECRET}), at least 32 bytes: tokens are valid on every node. */
    public AuthService(List<User> users, Clock clock, Duration tokenLifetime, byte[] secret) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(User::id, Function.identity()));
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.tokens = new SignedTokens(secret);
    }

    /** The shared secret's bytes from its text (UTF-8); at least 32 of them, else an error naming the variable. */
    public static byte[] secret(String text) {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < SignedTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("CTI_TOKEN_SECRET: at least " + SignedTokens.MIN_SECRET_BYTES + " bytes, got "
                + bytes.length);
        }
        return bytes;
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public Session login(String userId, String password) throws LoginRefused {
        if (userId == null || password == null || userId.length() > 64 || password.length() > 128) {
            throw new LoginRefused("user and password are required (at most 64 and 128 characters)", false);
        }
        Instant now = clock.instant();
        Failures f = failures.get(userId);
        if (f != null && f.count >= MAX_FAILURES && now.isBefore(f.windowStart.plus(FAILURE_WINDOW))) {
            throw new LoginRefused("too many failed logins; try again in a minute", true);
        }
        User user = users.get(userId);
        String hash = user == null ? DUMMY_HASH : user.passwordHash();
        boolean ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
            hash.getBytes(StandardCharsets.UTF_8)).verified;
        if (!ok || user == null) {
            failures.compute(userId, (k, old) -> old == null || now.isAfter(old.windowStart.plus(FAILURE_WINDOW))
                ? new Failures(1, now) : new Failures(old.count + 1, old.windowStart));
            throw new LoginRefused("wrong user or password", false);
        }
        failures.remove(userId);
        byte[] id = new byte[16];
        random.nextBytes(id);
        // the token carries milliseconds: the session says exactly what every node will read back from it
        Instant expiresAt = now.plus(tokenLifetime).truncatedTo(ChronoUnit.MILLIS);
        String token = tokens.sign(new SignedTokens.Claims(userId, expiresAt, Base64.getUrlEncoder().withoutPadding()
            .encodeToString(id)));
        return new Session(token, user, expiresAt);
    }

    /** The live session for this token: well formed, signed with this secret, not expired, not revoked, a known user. */
    public Optional<Session> authenticate(String token) {
        Optional<SignedTokens.Claims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        SignedTokens.Claims c = claims.get();
        if (!clock.instant().isBefore(c.expiresAt()) || revoked.containsKey(c.tokenId())) {
            return Optional.empty();
        }
        User user = users.get(c.userId());
        return user == null ? Optional.empty() : Optional.of(new Session(token, user, c.expiresAt()));
    }

    /** Revokes the token here and tells the other nodes ({@link #onRevoke}); a token that is not ours does nothing. */
    public void logout(String token) {
        tokens.verify(token).ifPresent(c -> {
            Revocation r = new Revocation(c.tokenId(), c.expiresAt());
            if (revoke(r)) {
                revocations.accept(r);
            }
        });
    }

    /**
     * Revokes a token id until {@code until} (a logout on another node); an id already past its expiry is not kept.
     *
     * @return whether it was newly revoked
     */
    public boolean revoke(Revocation r) {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !now.isBefore(until));
        return now.isBefore(r.until()) && revoked.putIfAbsent(r.tokenId(), r.until()) == null;
    }

    /** Who hears of this node's logouts (the relay to the other nodes). Called on the thread that logs out; must not block. */
    public void onRevoke(Consumer<Revocation> listener) {
        this.revocations = Objects.requireNonNull(listener, "listener");
    }

    /** Every user who can sign in. */
    public List<User> users() {
        return List.copyOf(users.values());
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }
}
