package io.spacecomp.emulator.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.spacecomp.wire.Wire;
import io.spacecomp.wire.WireException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP server, set up the one way the emulator uses it: TCP_NODELAY on (without it every small
 * POST waits ~40 ms on Nagle and delayed ACK, ENGINEERING-NOTES), requests read whole within 10 s
 * ({@code sun.net.httpserver.maxReqTime}), JSON answers, bounded request bodies,
 * and handlers that turn every failure into a JSON error instead of a dead connection.
 */
public final class Http {

    static {
        // Read once, when the JDK's server and client classes load: set before the first of either exists.
        setDefault("sun.net.httpserver.nodelay", "true");
        // A client must drop an idle keep-alive connection before the server does, or it may send a request
        // down a connection the server is closing (a POST is not retried: "header parser received no bytes").
        setDefault("sun.net.httpserver.idleInterval", "60");
        setDefault("jdk.httpclient.keepalive.timeout", "20");
        // A request (head and body) not read whole within this many seconds is cut, and its handler thread freed:
        // a peer trickling its headers cannot hold a thread longer. Answers are not limited (SSE streams last).
        setDefault("sun.net.httpserver.maxReqTime", "10");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Loads this class, so the settings above precede any HTTP client or server of the JVM. */
    public static void init() {
    }

    private Http() {
    }

    /**
     * The HTTP client of a constellation's internal traffic (plain HTTP/1.1 on its own network: ISL hops, downlink,
     * trace tap), one per process. It is given a TLS context that loads no certificates: the JDK's default one reads
     * and parses the whole CA store when a client is built (~0.1 s of CPU per plane process at start-up), for
     * nothing here. Its work runs on {@code threads} daemon threads named {@code name-N}.
     */
    public static HttpClient internalClient(String name, int threads, Duration connectTimeout) {
        SSLContext none;
        try {
            none = SSLContext.getInstance("TLS");
            none.init(new KeyManager[0], new TrustManager[0], null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS implementation in this JDK", e);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(none).connectTimeout(connectTimeout)
                .executor(pool(name, threads)).build();
    }

    public static HttpServer server(String host, int port, Executor executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        server.setExecutor(executor);
        return server;
    }

    /**
     * A pool of daemon threads named {@code name-N} that starts a thread only when no idle one can take the task,
     * up to {@code max}; beyond, tasks wait in line; idle threads retire after 30 s. (A plain pool of {@code max}
     * core threads starts a new thread for every task until it has {@code max}, idle or not: a plane grew to 160
     * server threads in its first burst of hops and kept them, ~200 threads and ~20 MB of stacks a plane.)
     */
    public static ThreadPoolExecutor pool(String name, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        LinkedTransferQueue<Runnable> queue = new LinkedTransferQueue<>() {
            @Override
            public boolean offer(Runnable r) {
                return tryTransfer(r); // to an idle thread; false makes the pool start one (up to max)
            }
        };
        return new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, queue, f, (r, pool) -> {
            if (!pool.isShutdown()) {
                queue.put(r); // all max threads busy: the next one free takes it
            }
        });
    }

    /** A request that could not be served: its status, and the field at fault (or null). */
    public static final class Refusal extends RuntimeException {
        final int status;
        final String field;
        final transient ObjectNode extra;

        public Refusal(int status, String field, String message) {
            this(status, field, message, null);
        }

        /** @param extra fields the error body carries beside {@code error} and {@code field} (null: none) */
        public Refusal(int status, String field, String message, ObjectNode extra) {
            super(message);
            this.status = status;
            this.field = field;
            this.extra = extra;
        }
    }

    /** One endpoint: the method it takes, and what it does with the exchange. */
    @FunctionalInterface
    public interface Endpoint {
        void serve(HttpExchange exchange) throws Exception;
    }

    /**
     * A handler for {@code method} (null: any) that answers 405 to other methods, 400 {@code {error, field}} to a bad
     * body, the refusal's status to a {@link Refusal}, 500 to anything else, and always closes.
     */
    public static HttpHandler handler(String method, Endpoint endpoint) {
        return exchange -> {
            // Not try-with-resources: that would close the exchange before a catch block could answer.
            try {
                if (method != null && !exchange.getRequestMethod().equals(method)) {
                    exchange.getResponseHeaders().set("Allow", method);
                    error(exchange, 405, null, "method " + exchange.getRequestMethod() + " not allowed; use " + method);
                    return;
                }
                endpoint.serve(exchange);
            } catch (WireException e) {
                error(exchange, 400, e.field(), e.getMessage());
            } catch (Refusal e) {
                error(exchange, e.status, e.field, e.getMessage(), e.extra);
            } catch (IOException e) {
                // The peer went away mid-request: nothing left to answer.
            } catch (Exception e) {
                // The client learns the kind of failure, never this machine's paths or state; the log has it all.
                System.err.println("internal error on " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": " + e);
                error(exchange, 500, null, "internal error (" + e.getClass().getSimpleName() + ")");
            } finally {
                exchange.close();
            }
        };
    }

    /** The request body, refused with 413 past {@code maxBytes}. */
    public static byte[] body(HttpExchange exchange, int maxBytes) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw new Refusal(413, "body", "body exceeds the limit of " + maxBytes + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new Refusal(400, "body", "Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            long declared = length == null ? 1024 : Long.parseLong(length.trim());
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(maxBytes, declared)));
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new Refusal(413, "body", "body exceeds the limit of " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The body as a JSON object. */
    public static JsonNode jsonBody(HttpExchange exchange, int maxBytes) throws IOException {
        JsonNode n = Wire.parse(body(exchange, maxBytes));
        if (!n.isObject()) {
            throw new WireException("body", "must be a JSON object, got " + Wire.brief(n));
        }
        return n;
    }

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", Wire.bytes(body));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public static void error(HttpExchange exchange, int status, String field, String message) {
        error(exchange, status, field, message, null);
    }

    private static void error(HttpExchange exchange, int status, String field, String message, ObjectNode extra) {
        ObjectNode o = Wire.object();
        if (extra != null) {
            o.setAll(extra);
        }
        o.put("error", message);
        if (field != null) {
            o.put("field", field);
        }
        try {
            json(exchange, status, o);
        } catch (IOException | RuntimeException e) {
            // headers already sent or peer gone
        }
    }
}
