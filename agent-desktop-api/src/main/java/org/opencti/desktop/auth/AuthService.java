package org.opencti.desktop.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.List;

/**
 * Password sign-in and bearer tokens. Hash checks are slow on purpose (bcrypt): call {@link #login} from a
 * worker, never an event loop. Failed attempts per user are limited to slow guessing down.
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
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant windowStart) { }

    public AuthService(List<User> users, Clock clock, Duration tokenLifetime) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(User::id, Function.identity()));
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
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
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), user, now.plus(tokenLifetime));
        sessions.put(s.token(), s);
        return s;
    }

    /** The live session for this token, if it exists and has not expired. */
    public Optional<Session> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void logout(String token) {
        sessions.remove(token);
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }
}
