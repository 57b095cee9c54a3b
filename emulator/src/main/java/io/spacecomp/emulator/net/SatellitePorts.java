package io.spacecomp.emulator.net;

import com.sun.net.httpserver.HttpHandler;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP ports of a plane's satellites: one Jetty server, one port per satellite, one pool of threads. Jetty reads
 * request heads without holding a thread, so a peer that trickles its head costs a connection, never a handler; and
 * slow or hostile peers are bounded on every port:
 *
 * <ul>
 *   <li>a request head must arrive whole within {@link #HEAD_DEADLINE_MS}, else the connection is cut;</li>
 *   <li>a body may pause at most {@link #IDLE_MS} and must come at {@link #MIN_BODY_BYTES_PER_S} or faster, else it
 *       is cut (408);</li>
 *   <li>at most {@link #MAX_PER_PEER} connections from one address and {@link #MAX_CONNECTIONS} in all on a port:
 *       beyond either, the connection is answered 503 {@code {error, retry_after_s}} at once (after its head is read)
 *       and closed;</li>
 *   <li>at most {@link #MAX_REQUESTS} requests handled at once in the plane: beyond, 503 {@code {error, retry_after_s}}
 *       at once.</li>
 * </ul>
 *
 * <p>Endpoints are the JDK server's {@link HttpHandler}s ({@link Http#handler}), served through {@link JettyExchange}.
 */
public final class SatellitePorts implements AutoCloseable {

    public static final int MAX_PER_PEER = 64;
    public static final int MAX_CONNECTIONS = 256;
    public static final int MAX_REQUESTS = 128;
    public static final long HEAD_DEADLINE_MS = 10_000;
    public static final long IDLE_MS = 10_000;
    public static final long MIN_BODY_BYTES_PER_S = 64 * 1024;
    /** Handler threads besides the ports' selectors (each port's selector holds a thread of the pool for good). */
    private static final int THREADS = MAX_REQUESTS + 16;

    private final Server server;
    private final QueuedThreadPool threads;
    private final QoSHandler qos;
    private final Map<Integer, Map<String, HttpHandler>> routes = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();

    public SatellitePorts(String name) {
        threads = new QueuedThreadPool(THREADS, 2, 30_000);
        threads.setName(name);
        threads.setDaemon(true);
        server = new Server(threads);
        qos = new QoSHandler(new Routes()) {
            @Override
            protected void reject(Request request, Response response, Callback callback, int status) {
                // the plane's busy answer, as a capped connection's: the sender waits and tries again, no failed try
                response.setStatus(status);
                response.getHeaders().put("Content-Type", "application/json");
                response.getHeaders().put("Retry-After", "1");
                Content.Sink.write(response, true, "{\"error\": \"busy: " + MAX_REQUESTS
                        + " requests in progress in this plane; retry after 1 s\", \"retry_after_s\": 1}", callback);
            }
        };
        qos.setMaxRequestCount(MAX_REQUESTS);
        qos.setMaxSuspend(Duration.ZERO); // a full server answers at once
        qos.setRejectStatusCode(503);
        server.setHandler(qos);
        server.setStopTimeout(0);
    }

    /** Serves {@code endpoints} (path to handler; any other path: 404) on {@code host:port}. Call before {@link #start()}. */
    public void add(String host, int port, Map<String, HttpHandler> endpoints) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setIdleTimeout(IDLE_MS);
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_S);
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        CappedConnector c = new CappedConnector(server, factory);
        c.setHost(host);
        c.setPort(port);
        c.setIdleTimeout(IDLE_MS);
        c.setAcceptQueueSize(256);
        c.setReuseAddress(true);
        server.addConnector(c);
        routes.put(port, Map.copyOf(endpoints));
    }

    public void start() throws IOException {
        // a plane of 100 satellites has 100 selectors: without room for them, 44 threads were left to handle requests
        threads.setMaxThreads(THREADS + server.getConnectors().length);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException("cannot start the satellites' ports: " + e.getMessage(), e);
        }
        server.getScheduler().schedule(this::sweep, 1, TimeUnit.SECONDS);
    }

    /** Connections refused over a cap so far, and connections cut at the head deadline. */
    public long refused() {
        return refused.get();
    }

    public long cut() {
        return cut.get();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    /** Dispatches by local port and exact path; the JDK-style handler runs on a Jetty thread. */
    private final class Routes extends Handler.Abstract {
        private final HttpHandler notFound = Http.handler(null, ex -> {
            throw new Http.Refusal(404, null, "no such endpoint " + ex.getRequestURI().getPath());
        });

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Map<String, HttpHandler> byPath = routes.getOrDefault(Request.getLocalPort(request), Map.of());
            HttpHandler h = byPath.getOrDefault(request.getHttpURI().getPath(), notFound);
            JettyExchange exchange = new JettyExchange(request, response);
            try {
                h.handle(exchange); // Http.handler answers every failure and closes the exchange
                callback.succeeded();
            } catch (Throwable t) {
                callback.failed(t);
            }
            return true;
        }
    }

    /** Every second: cut the connections whose request head has been arriving for longer than the deadline. */
    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
                if (connector instanceof CappedConnector c) {
                    c.sweep(now);
                }
            }
        } finally {
            if (server.isRunning()) {
                server.getScheduler().schedule(this::sweep, 1, TimeUnit.SECONDS);
            }
        }
    }

    /** A server connector that counts connections per peer address and refuses those over the caps. */
    private final class CappedConnector extends ServerConnector {
        private final Map<InetAddress, AtomicInteger> perPeer = new ConcurrentHashMap<>();
        private final AtomicInteger open = new AtomicInteger();
        /** Counted endpoints: their peer, and since when their current head has been arriving (0: none). */
        private final Map<EndPoint, Peer> counted = new ConcurrentHashMap<>();

        private final class Peer {
            final InetAddress address;
            volatile long headSinceMs;

            Peer(InetAddress address) {
                this.address = address;
            }
        }

        CappedConnector(Server server, HttpConnectionFactory factory) {
            super(server, 0, 1, factory);
        }

        @Override
        protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
            return new ServerConnectorManager(executor, scheduler, selectors) {
                @Override
                public Connection newConnection(SelectableChannel channel, EndPoint endPoint, Object attachment) throws IOException {
                    InetAddress peer = address(endPoint.getRemoteSocketAddress());
                    AtomicInteger n = perPeer.computeIfAbsent(peer, k -> new AtomicInteger());
                    int mine = n.incrementAndGet();
                    int all = open.incrementAndGet();
                    if (mine > MAX_PER_PEER || all > MAX_CONNECTIONS) {
                        n.decrementAndGet();
                        open.decrementAndGet();
                        refused.incrementAndGet();
                        String why = mine > MAX_PER_PEER ? MAX_PER_PEER + " connections from " + peer.getHostAddress()
                                + " are open, the most one address may hold" : MAX_CONNECTIONS + " connections are open, the most this port holds";
                        Connection refusal = new Refusal(endPoint, getExecutor(), why);
                        endPoint.setIdleTimeout(2_000);
                        return refusal;
                    }
                    counted.put(endPoint, new Peer(peer));
                    return super.newConnection(channel, endPoint, attachment);
                }

                @Override
                protected void endPointClosed(EndPoint endpoint) {
                    Peer p = counted.remove(endpoint);
                    if (p != null) {
                        open.decrementAndGet();
                        perPeer.computeIfPresent(p.address, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
                    }
                    super.endPointClosed(endpoint);
                }
            };
        }

        void sweep(long nowMs) {
            for (Map.Entry<EndPoint, Peer> e : counted.entrySet()) {
                if (!(e.getKey().getConnection() instanceof HttpConnection hc)) {
                    continue;
                }
                HttpParser parser = hc.getParser();
                boolean inHead = !parser.isStart() && parser.inHeaderState();
                Peer p = e.getValue();
                if (!inHead) {
                    p.headSinceMs = 0;
                } else if (p.headSinceMs == 0) {
                    p.headSinceMs = nowMs;
                } else if (nowMs - p.headSinceMs > HEAD_DEADLINE_MS) {
                    cut.incrementAndGet();
                    e.getKey().close();
                }
            }
        }
    }

    private static InetAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : InetAddress.getLoopbackAddress();
    }

    /**
     * A connection over a cap: answered 503 {@code {error, retry_after_s}} at once, then read to its end and dropped
     * (closing on unread bytes would reset the connection, and the answer with it); closed within 2 s whatever happens.
     */
    private static final class Refusal extends AbstractConnection {
        private final String why;
        private final ByteBuffer buffer = BufferUtil.allocate(4096);

        Refusal(EndPoint endPoint, Executor executor, String why) {
            super(endPoint, executor);
            this.why = why;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            String body = "{\"error\": \"busy: " + why + "; retry after 1 s\", \"retry_after_s\": 1}";
            String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
            getEndPoint().write(Callback.from(() -> getEndPoint().shutdownOutput(), t -> getEndPoint().close()),
                    BufferUtil.toBuffer(head + body, StandardCharsets.UTF_8));
            fillInterested();
        }

        @Override
        public void onFillable() {
            try {
                while (true) {
                    BufferUtil.clear(buffer);
                    int n = getEndPoint().fill(buffer);
                    if (n < 0) {
                        getEndPoint().close();
                        return;
                    }
                    if (n == 0) {
                        fillInterested();
                        return;
                    }
                }
            } catch (IOException e) {
                getEndPoint().close();
            }
        }
    }
}
