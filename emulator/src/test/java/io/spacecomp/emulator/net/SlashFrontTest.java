package io.spacecomp.emulator.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlashFrontTest {

    private static String rewrite(String line) {
        return new String(SlashFront.rewrite(line.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void leadingSlashesCollapseAndEveryRequestClosesItsConnection() {
        assertEquals("POST /submit HTTP/1.1\r\nConnection: close\r\n", rewrite("POST //submit HTTP/1.1\r\n"));
        assertEquals("POST /completion HTTP/1.1\r\nConnection: close\r\n", rewrite("POST ///completion HTTP/1.1\r\n"));
        assertEquals("GET /health HTTP/1.1\r\nConnection: close\r\n", rewrite("GET /health HTTP/1.1\r\n"));
        assertEquals("GET /a//b HTTP/1.1\nConnection: close\n", rewrite("GET /a//b HTTP/1.1\n"), "only leading slashes: the server normalises the rest");
    }

    @Test
    void whatIsNotARequestLinePassesUntouched() {
        assertEquals("POST //submit HTT", rewrite("POST //submit HTT"));
        assertEquals("garbage\n", rewrite("garbage\n"));
    }
}
