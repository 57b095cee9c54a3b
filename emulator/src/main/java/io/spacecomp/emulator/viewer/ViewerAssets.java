package io.spacecomp.emulator.viewer;

import com.sun.net.httpserver.HttpExchange;
import io.spacecomp.emulator.net.Http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The viewer's page and its files, served from the jar (no CDN, no build step): {@code /} is the page,
 * {@code /viewer/NAME} one of {@link #FILES}. Anything else is 404.
 */
public final class ViewerAssets {

    /** Every file the page loads, with its content type. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "viewer.js", "text/javascript; charset=utf-8",
            "viewer.css", "text/css; charset=utf-8",
            "coastline.json", "application/json");

    private ViewerAssets() {
    }

    /** The bytes of one asset, or null when there is no such asset. */
    static byte[] read(String name) throws IOException {
        if (!FILES.containsKey(name)) {
            return null;
        }
        try (InputStream in = ViewerAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("viewer asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    /** Serves the page at {@code /} and {@code /index.html}. */
    public static void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/index.html")) {
            throw new Http.Refusal(404, null, "no such page " + path + " (the viewer is at /)");
        }
        send(exchange, "index.html");
    }

    /** Serves {@code /viewer/NAME}. */
    public static void asset(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.startsWith("/viewer/") ? path.substring("/viewer/".length()) : "";
        if (!FILES.containsKey(name)) {
            throw new Http.Refusal(404, null, "no viewer file " + path);
        }
        send(exchange, name);
    }

    private static void send(HttpExchange exchange, String name) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Http.send(exchange, 200, FILES.get(name), read(name));
    }
}
