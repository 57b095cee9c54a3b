package io.spacecomp.emulator.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public port of an HTTP server that must answer request targets starting with {@code //}, which the
 * JDK server cannot: it reads {@code POST //submit HTTP/1.1} as a URI with authority {@code submit} and an
 * empty path, and answers an HTML 404 before any handler runs. leopymr's clients send exactly that when
 * given a base URL with a trailing slash ({@code job.py -u http://host:8089/}).
 *
 * <p>Every connection carries one request: the front reads its whole head (request line and headers)
 * itself, collapses leading slashes of the target to one, adds {@code Connection: close}, and only then
 * connects to the server behind, on loopback, and relays the head and the rest byte for byte; the server's
 * answer goes back with {@code Connection: close} added to its head, so that the client sends its next
 * request on a new connection (and never on one the server is closing).
 *
 * <p>Slow or hostile peers cannot wedge the server behind: a head must arrive whole within
 * {@link #HEAD_DEADLINE_MS} (else 408, and the server never sees it), a declared body within
 * {@link #BODY_DEADLINE_MS} with no pause over {@link #IDLE_MS} (else the connection is cut, and the
 * server's handler sees a truncated body); at most {@link #MAX_CONNECTIONS} connections at once and
 * {@link #MAX_PER_PEER} from one address: beyond either, the front answers 503 {@code {error, retry_after_s}}
 * at once. A request line is at most 8 KiB, a head 64 KiB (else 431), a response head 64 KiB.
 */
public final class SlashFront implements AutoCloseable {

    static final int MAX_CONNECTIONS = 512;
    static final int MAX_PER_PEER = 256;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    static final int HEAD_DEADLINE_MS = 10_000;
    static final int BODY_DEADLINE_MS = 60_000;
    static final int IDLE_MS = 10_000;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ThreadPoolExecutor relays;
    /** Threads that answer 503 to connections over the caps (never the accepting thread: a refusal drains). */
    private final ThreadPoolExecutor refusals;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perPeer = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private volatile boolean closed;

    private SlashFront(ServerSocket listener, InetSocketAddress backend) {
        this.listener = listener;
        this.backend = backend;
        AtomicInteger n = new AtomicInteger();
        // Two threads a connection (one each way); idle ones retire.
        this.relays = new ThreadPoolExecutor(0, 2 * MAX_CONNECTIONS + 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "front-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.refusals = new ThreadPoolExecutor(0, 64, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "front-refuse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on {@code host:port} (0: any free port) and relays to {@code backend}. */
    public static SlashFront start(String host, int port, InetSocketAddress backend) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 256);
        SlashFront f = new SlashFront(listener, backend);
        Thread accept = new Thread(f::acceptLoop, "front-accept-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return f;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections answered 503 at once (too many in all, or from one address). */
    public long refused() {
        return refused.get();
    }

    /** Connections cut because a head or body did not arrive in time. */
    public long timedOut() {
        return timedOut.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            InetAddress peer = client.getInetAddress();
            AtomicInteger fromPeer = perPeer.computeIfAbsent(peer, k -> new AtomicInteger());
            int all = open.incrementAndGet();
            int mine = fromPeer.incrementAndGet();
            Runnable release = () -> {
                open.decrementAndGet();
                if (fromPeer.decrementAndGet() == 0) {
                    perPeer.remove(peer, fromPeer);
                }
            };
            if (all > MAX_CONNECTIONS || mine > MAX_PER_PEER) {
                release.run();
                String why = "the server is full: " + (mine > MAX_PER_PEER ? MAX_PER_PEER + " connections from your address"
                        : MAX_CONNECTIONS + " connections") + " are open; retry after 1 s";
                try {
                    refusals.execute(() -> refuse(client, 503, why));
                } catch (RejectedExecutionException flood) {
                    refused.incrementAndGet();
                    quietly(client); // more refusals at once than threads to answer them: closed without a word
                }
                continue;
            }
            try {
                relays.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        release.run();
                    }
                });
            } catch (RejectedExecutionException full) {
                release.run();
                refused.incrementAndGet();
                quietly(client);
            }
        }
    }

    /** Answers a JSON error at once and closes (never blocks: a small answer fits the socket's buffer). */
    private void refuse(Socket client, int status, String error) {
        if (status == 503) {
            refused.incrementAndGet();
        }
        String body = "{\"error\":\"" + error.replace("\"", "'") + "\"" + (status == 503 ? ",\"retry_after_s\":1" : "") + "}";
        String reason = status == 503 ? "Service Unavailable" : status == 408 ? "Request Timeout" : "Request Header Fields Too Large";
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\n"
                + (status == 503 ? "Retry-After: 1\r\n" : "") + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
        try {
            client.setSoTimeout(1_000);
            OutputStream out = client.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            client.shutdownOutput();
            // What the client still sends is read and dropped (1 s, 1 MiB at most): a socket closed on unread bytes
            // is reset, and the answer lost with it.
            InputStream in = client.getInputStream();
            byte[] buf = new byte[16 * 1024];
            long end = System.nanoTime() + 1_000_000_000L;
            int total = 0;
            int n;
            while (total < (1 << 20) && System.nanoTime() < end && (n = in.read(buf)) >= 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the peer is gone
        } finally {
            quietly(client);
        }
    }

    /** A request's head as read (first line rewritten), the body bytes that came with it, what it declares. */
    private record Head(byte[] head, byte[] extra, long contentLength, boolean chunked) {
    }

    private void serve(Socket client) {
        Head head;
        try {
            client.setTcpNoDelay(true);
            head = readHead(client);
        } catch (SocketTimeoutException slow) {
            timedOut.incrementAndGet();
            refuse(client, 408, "the request head did not arrive within " + HEAD_DEADLINE_MS / 1000 + " s");
            return;
        } catch (IOException e) {
            quietly(client);
            return;
        }
        if (head == null) {
            refuse(client, 431, "the request head exceeds " + MAX_HEAD + " bytes (or its first line " + MAX_LINE + ")");
            return;
        }
        Socket server = new Socket();
        try (client; server) {
            server.setTcpNoDelay(true);
            server.connect(backend, 5_000);
            OutputStream toServer = server.getOutputStream();
            toServer.write(head.head());
            toServer.write(head.extra());
            toServer.flush();
            Future<?> back;
            try {
                back = relays.submit(() -> answer(server, client));
            } catch (RejectedExecutionException full) {
                return;
            }
            long rest = head.contentLength() - head.extra().length;
            if ((head.chunked() || rest > 0) && !relayBody(client, server, head.chunked() ? Long.MAX_VALUE : rest)) {
                timedOut.incrementAndGet();
                quietly(server);
                quietly(client);
                back.cancel(true);
                return;
            }
            client.setSoTimeout(0); // an SSE stream may then stay idle for long
            pump(client, server, true);
            back.get(); // the answer may still be on its way after the client stopped sending
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // the relay back failed: both sockets are closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the peer went away: nothing to answer
        }
    }

    /**
     * Reads the head, whole, within {@link #HEAD_DEADLINE_MS}: its first line rewritten ({@link #rewrite}), with
     * whatever body bytes came after it; null when it is too long.
     */
    private static Head readHead(Socket client) throws IOException {
        long deadline = System.nanoTime() + HEAD_DEADLINE_MS * 1_000_000L;
        InputStream in = client.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream(1024);
        byte[] buf = new byte[4096];
        int end = -1;
        while (end < 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("head deadline");
            }
            client.setSoTimeout((int) Math.max(1, left));
            int n = in.read(buf);
            if (n < 0) {
                throw new java.io.EOFException("closed before the end of the head");
            }
            got.write(buf, 0, n);
            end = endOfHead(got.toByteArray());
            if (end < 0 && got.size() > MAX_HEAD) {
                return null;
            }
        }
        byte[] all = got.toByteArray();
        String headText = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        int eol = headText.indexOf('\n');
        if (eol < 0 || eol + 1 > MAX_LINE || end > MAX_HEAD) {
            return null;
        }
        long length = 0;
        boolean chunked = false;
        for (String line : headText.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    length = Math.max(0, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    length = 0; // the server refuses it
                }
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(end + 32);
        head.write(rewrite(Arrays.copyOfRange(all, 0, eol + 1)));
        head.write(all, eol + 1, end - eol - 1);
        return new Head(head.toByteArray(), Arrays.copyOfRange(all, end, all.length), length, chunked);
    }

    /** Where the head ends (just past its blank line), or -1. */
    static int endOfHead(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] != '\n') {
                continue;
            }
            if (b[i + 1] == '\n') {
                return i + 2;
            }
            if (b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /**
     * Relays {@code length} body bytes (chunked: until the client pauses, the server finds the end) within
     * {@link #BODY_DEADLINE_MS} and no pause over {@link #IDLE_MS}; false when the client was too slow.
     */
    private static boolean relayBody(Socket client, Socket server, long length) throws IOException {
        long deadline = System.nanoTime() + BODY_DEADLINE_MS * 1_000_000L;
        InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream();
        byte[] buf = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                return false;
            }
            client.setSoTimeout((int) Math.max(1, Math.min(IDLE_MS, remaining)));
            int n;
            try {
                n = in.read(buf, 0, (int) Math.min(buf.length, left));
            } catch (SocketTimeoutException slow) {
                return length == Long.MAX_VALUE;
            }
            if (n < 0) {
                return true;
            }
            try {
                out.write(buf, 0, n);
                out.flush();
            } catch (IOException serverGone) {
                // It answered early (413): the rest is read and dropped by the pump; the relay back delivers the answer.
                return true;
            }
            left -= n;
        }
        return true;
    }

    /**
     * {@code POST //submit HTTP/1.1\r\n} → {@code POST /submit HTTP/1.1\r\nConnection: close\r\n}; a line
     * that is not a whole request line is unchanged.
     */
    static byte[] rewrite(byte[] requestLine) {
        String s = new String(requestLine, StandardCharsets.ISO_8859_1);
        int sp = s.indexOf(' ');
        if (!s.endsWith("\n") || sp < 0) {
            return requestLine;
        }
        int start = sp + 1;
        int end = start;
        while (end + 1 < s.length() && s.charAt(end) == '/' && s.charAt(end + 1) == '/') {
            end++;
        }
        String eol = s.endsWith("\r\n") ? "\r\n" : "\n";
        String fixed = s.substring(0, start) + s.substring(end, s.length() - eol.length()) + eol + "Connection: close" + eol;
        return fixed.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Relays the server's answer: its head with {@code Connection: close} added after the status line, then
     * the rest as it comes.
     */
    private static void answer(Socket server, Socket client) {
        try {
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            int b;
            int last4 = 0;
            boolean statusLine = true;
            while (head.size() < 64 * 1024 && (b = in.read()) >= 0) {
                head.write(b);
                last4 = (last4 << 8) | b;
                if (last4 == 0x0d0a0d0a) {
                    break; // the blank line that ends the head
                }
                if (b == '\n' && statusLine) {
                    head.write("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
                    statusLine = false;
                }
            }
            out.write(head.toByteArray());
            out.flush();
        } catch (IOException e) {
            quietly(server);
            quietly(client);
            return;
        }
        pump(server, client, false);
    }

    /**
     * Copies {@code from} to {@code to} until end of stream, then half-closes {@code to}. When the server
     * stops taking a request (it answered early, e.g. 413, and closed), the rest of the client's request is
     * read and dropped until it stops sending (at most 10 s of silence), so that the client is not reset
     * before it has read that answer; the relay back delivers it.
     */
    private static void pump(Socket from, Socket to, boolean drainOnFailure) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                try {
                    out.write(buf, 0, n);
                    out.flush();
                } catch (IOException serverGone) {
                    if (!drainOnFailure) {
                        throw serverGone;
                    }
                    from.setSoTimeout(10_000);
                    while (in.read(buf) >= 0) {
                        // dropped: the server has answered
                    }
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            quietly(from);
            quietly(to);
        }
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        relays.shutdownNow();
        refusals.shutdownNow();
    }
}
