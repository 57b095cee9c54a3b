package io.spacecomp.emulator.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Jetty request seen as a JDK {@link HttpExchange}, so that the endpoints written for the JDK server ({@link Http#handler})
 * serve on Jetty unchanged: blocking streams over the request's content and the response, headers copied each way.
 */
final class JettyExchange extends HttpExchange {

    private final Request request;
    private final Response response;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream in;
    private OutputStream out;
    private int code = -1;

    JettyExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
        for (HttpField f : request.getHeaders()) {
            requestHeaders.add(f.getName(), f.getValue());
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        String pathQuery = request.getHttpURI().getPathQuery();
        try {
            return URI.create(pathQuery == null ? "/" : pathQuery);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        if (in == null) {
            in = Content.Source.asInputStream(request);
        }
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        if (out == null) {
            out = Content.Sink.asOutputStream(response);
        }
        return out;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
        if (code >= 0) {
            throw new IllegalStateException("headers already sent");
        }
        code = rCode;
        response.setStatus(rCode);
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            for (String v : e.getValue()) {
                response.getHeaders().add(e.getKey(), v);
            }
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(Math.max(0, responseLength)));
    }

    /** Ends the exchange: the body written so far is the whole answer. */
    @Override
    public void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // the peer went away
        }
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // the peer went away
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return code;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    private static InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : null;
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("streams are Jetty's");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
