package io.spacecomp.emulator.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public port of an HTTP server that must answer request targets starting with {@code //}, which the
 * JDK server cannot: it reads {@code POST //submit HTTP/1.1} as a URI with authority {@code submit} and an
 * empty path, and answers an HTML 404 before any handler runs. leopymr's clients send exactly that when
 * given a base URL with a trailing slash ({@code job.py -u http://host:8089/}).
 *
 * <p>Every connection carries one request: the front reads its request line, collapses leading slashes
 * of the target to one, adds {@code Connection: close}, and relays the rest byte for byte to the server
 * behind, on loopback; the server's answer goes back with {@code Connection: close} added to its head,
 * so that the client sends its next request on a new connection (and never on one the server is closing).
 * Bounded: at most {@link #MAX_CONNECTIONS} connections (more are closed at once), a request line of at
 * most 8 KiB read within 30 s (else relayed untouched, for the server to refuse), a response head of at
 * most 64 KiB.
 */
public final class SlashFront implements AutoCloseable {

    static final int MAX_CONNECTIONS = 512;
    private static final int MAX_LINE = 8 * 1024;
    private static final int LINE_TIMEOUT_MS = 30_000;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ThreadPoolExecutor relays;
    private volatile boolean closed;

    private SlashFront(ServerSocket listener, InetSocketAddress backend) {
        this.listener = listener;
        this.backend = backend;
        AtomicInteger n = new AtomicInteger();
        // Two threads a connection (one each way); idle ones retire.
        this.relays = new ThreadPoolExecutor(0, 2 * MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "front-" + n.incrementAndGet());
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
            try {
                relays.execute(() -> serve(client));
            } catch (RejectedExecutionException full) {
                quietly(client);
            }
        }
    }

    private void serve(Socket client) {
        Socket server = new Socket();
        try (client; server) {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(backend, 5_000);
            InputStream in = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            toServer.write(firstLine(client, in));
            toServer.flush();
            Future<?> back;
            try {
                back = relays.submit(() -> answer(server, client));
            } catch (RejectedExecutionException full) {
                return;
            }
            pump(client, server, true);
            back.get(); // the answer may still be on its way after the client stopped sending
        } catch (ExecutionException e) {
            // the relay back failed: both sockets are closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the peer went away: nothing to answer
        }
    }

    /** The first request line, rewritten ({@link #rewrite}); or what was read, untouched, when it is not one. */
    private static byte[] firstLine(Socket client, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        client.setSoTimeout(LINE_TIMEOUT_MS);
        try {
            int b;
            while (line.size() < MAX_LINE && (b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (SocketTimeoutException slow) {
            return line.toByteArray();
        } finally {
            client.setSoTimeout(0); // an SSE stream may then stay idle for long
        }
        return rewrite(line.toByteArray());
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
    }
}
