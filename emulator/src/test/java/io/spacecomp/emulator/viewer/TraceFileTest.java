package io.spacecomp.emulator.viewer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a trace to replay: bad lines are named and skipped, plane files merge in time order. */
class TraceFileTest {

    @TempDir
    Path tmp;

    private static String served(TraceFile f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanFileIsServedAsItIsWithItsShellLine() throws Exception {
        String text = "{\"t\":0.0,\"type\":\"shell\",\"detail\":\"{\\\"planes\\\":5,\\\"sats\\\":4}\"}\n"
                + "{\"t\":0.0,\"type\":\"hop\",\"job\":\"j\",\"msg\":1,\"from\":[1,1],\"to\":[2,1]}\n"
                + "{\"t\":0.5,\"type\":\"job_done\",\"job\":\"j\",\"at\":[1,1]}\n";
        Path p = Files.writeString(tmp.resolve("a.jsonl"), text);
        TraceFile f = TraceFile.load(p);
        assertEquals(3, f.events());
        assertEquals(0, f.errorCount());
        assertEquals(5, f.header().get("planes").asInt());
        assertEquals(4, f.header().get("sats").asInt());
        assertEquals(text, served(f));
    }

    @Test
    void badAndTruncatedLinesAreNamedAndTheRestKept() throws Exception {
        Path p = Files.writeString(tmp.resolve("b.jsonl"), String.join("\n",
                "{\"t\":0.1,\"type\":\"hop\"}",
                "not json",
                "[1,2]",
                "{\"t\":\"soon\",\"type\":\"hop\"}",
                "{\"type\":\"hop\"}",
                "",
                "{\"t\":0.2,\"type\":\"hop\"} trailing",
                "{\"t\":0.3,\"type\":\"job_done\"}",
                "{\"t\":0.4,\"type\":\"hop\",\"fr"));
        TraceFile f = TraceFile.load(p);
        assertEquals(2, f.events());
        assertEquals(6, f.errorCount());
        List<TraceFile.BadLine> e = f.errors();
        assertEquals(List.of(2L, 3L, 4L, 5L, 7L, 9L), e.stream().map(TraceFile.BadLine::line).toList());
        assertTrue(e.get(0).reason().startsWith("not valid JSON: Unrecognized token 'not'"), e.get(0).toString());
        assertTrue(e.get(1).reason().contains("not a JSON object"), e.get(1).toString());
        assertTrue(e.get(2).reason().contains("'t' is not a number"), e.get(2).toString());
        assertTrue(e.get(3).reason().contains("no finite number 't'"), e.get(3).toString());
        assertTrue(e.get(4).reason().startsWith("not valid JSON: Unrecognized token 'trailing'"), e.get(4).toString());
        assertTrue(e.get(5).toString().startsWith("b.jsonl:9: truncated (the file ends mid-line)"), e.get(5).toString());
        assertNull(f.header());
        assertEquals("{\"t\":0.1,\"type\":\"hop\"}\n{\"t\":0.3,\"type\":\"job_done\"}\n", served(f));
    }

    @Test
    void planeFilesMergeByTime() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("trace"));
        Files.writeString(dir.resolve("orb1.jsonl"), "{\"t\":1.0,\"type\":\"a\"}\n{\"t\":3.0,\"type\":\"c\"}\n");
        Files.writeString(dir.resolve("orb2.jsonl"), "{\"t\":2.0,\"type\":\"b\"}\n{\"t\":3.0,\"type\":\"d\"}\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        TraceFile f = TraceFile.load(dir);
        assertEquals(2, f.files().size());
        assertEquals("{\"t\":1.0,\"type\":\"a\"}\n{\"t\":2.0,\"type\":\"b\"}\n{\"t\":3.0,\"type\":\"c\"}\n{\"t\":3.0,\"type\":\"d\"}\n", served(f));
    }

    @Test
    void nothingToReadIsAClearError() throws Exception {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TraceFile.load(tmp.resolve("missing.jsonl")));
        assertTrue(none.getMessage().contains("no trace file or directory at"), none.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IllegalArgumentException noFiles = assertThrows(IllegalArgumentException.class, () -> TraceFile.load(empty));
        assertTrue(noFiles.getMessage().contains("holds no *.jsonl trace files"), noFiles.getMessage());
    }
}
