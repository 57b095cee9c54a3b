package io.spacecomp.emulator.net;

import com.sun.net.httpserver.Headers;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret of one constellation's internal traffic: every ISL hop, uplink and downlink carries
 * it in {@code X-Spacecomp-Key}, and satellites and the gateway's downlink refuse a request without it
 * (HTTP 403), so nothing outside the constellation can inject a message even where a satellite port is
 * reachable. Launchers make a fresh key per constellation and hand it over in the environment
 * ({@link #ENV}), never on a command line. {@link #OPEN} accepts everything (a plane run by hand without one).
 */
public record IslKey(String secret) {

    public static final String HEADER = "X-Spacecomp-Key";
    public static final String ENV = "SPACECOMP_ISL_KEY";
    public static final IslKey OPEN = new IslKey("");

    public IslKey {
        if (secret == null) {
            throw new IllegalArgumentException("the ISL key must not be null (use IslKey.OPEN)");
        }
    }

    public static IslKey random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return new IslKey(HexFormat.of().formatHex(b));
    }

    /** The key in {@link #ENV}, or {@link #OPEN} when unset. */
    public static IslKey fromEnvironment() {
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? OPEN : new IslKey(v.trim());
    }

    public boolean isOpen() {
        return secret.isEmpty();
    }

    public HttpRequest.Builder sign(HttpRequest.Builder b) {
        return isOpen() ? b : b.header(HEADER, secret);
    }

    /** @throws Http.Refusal 403 when the request does not carry the key */
    public void check(Headers headers) {
        if (isOpen()) {
            return;
        }
        String given = headers.getFirst(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new Http.Refusal(403, HEADER, "internal endpoint: only satellites and the gateway of this constellation may call it");
        }
    }

    @Override
    public String toString() {
        return isOpen() ? "IslKey[open]" : "IslKey[set]";
    }
}
