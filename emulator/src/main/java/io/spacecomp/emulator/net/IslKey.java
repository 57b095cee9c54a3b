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
    /** Where orchestrators that hand secrets over as files (Docker Swarm: {@code /run/secrets/...}) point instead. */
    public static final String FILE_ENV = "SPACECOMP_ISL_KEY_FILE";
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

    /** The key in {@link #ENV}, else in the file {@link #FILE_ENV} names, or {@link #OPEN} when neither is set. */
    public static IslKey fromEnvironment() {
        return fromEnvironment(System.getenv(ENV), System.getenv(FILE_ENV));
    }

    /**
     * The key given directly, else read from {@code file}.
     *
     * @throws IllegalArgumentException when the file cannot be read or is empty
     */
    static IslKey fromEnvironment(String value, String file) {
        if (value != null && !value.isBlank()) {
            return new IslKey(value.trim());
        }
        if (file == null || file.isBlank()) {
            return OPEN;
        }
        String read;
        try {
            read = java.nio.file.Files.readString(java.nio.file.Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(FILE_ENV + "=" + file + ": cannot read the constellation's key (" + e + ")");
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException(FILE_ENV + "=" + file + ": the file is empty");
        }
        return new IslKey(read);
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
