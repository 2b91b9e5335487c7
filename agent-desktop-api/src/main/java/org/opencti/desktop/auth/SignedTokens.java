package org.opencti.desktop.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens any node can check alone, with no store round trip: {@code base64url(payload).base64url(mac)}, the mac an
 * HMAC-SHA256 of the encoded payload under a secret every node shares. The payload says who, until when, and a random id
 * (what a logout revokes). Anything malformed, longer than {@link #MAX_LENGTH} or with a wrong mac is refused before the
 * payload is read; macs are compared in constant time.
 */
final class SignedTokens {
    static final int MAX_LENGTH = 256;
    static final int MIN_SECRET_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int MAC_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token says. */
    record Claims(String userId, Instant expiresAt, String tokenId) { }

    private final ThreadLocal<Mac> macs;

    SignedTokens(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        // Mac is not thread-safe; one per thread, made once.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
        macs.get(); // loads the crypto provider here, not on the first event loop that checks a token
    }

    String sign(Claims claims) {
        String payload = VERSION + "\n" + claims.expiresAt().toEpochMilli() + "\n" + claims.tokenId() + "\n" + claims.userId();
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac(encoded));
    }

    /** The token's claims when its mac is right and it is well formed; expiry and revocation are the caller's. */
    Optional<Claims> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || !base64url(token)) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        String macText = token.substring(dot + 1);
        byte[] given;
        try {
            given = DECODER.decode(macText);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // one spelling per mac: the decoder ignores a last character's spare bits, which would let a token be respelled
        if (given.length != MAC_BYTES || !ENCODER.encodeToString(given).equals(macText) || !MessageDigest.isEqual(given, mac(encoded))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\n", 4);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[2].isEmpty() || parts[3].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[3], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty(); // signed by us, so never expected: a secret shared with a node of another version
        }
    }

    private byte[] mac(String encodedPayload) {
        return macs.get().doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean base64url(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
