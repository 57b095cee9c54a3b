package io.spacecomp.emulator.viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.client.JobRequest;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.wire.Wire;
import io.spacecomp.orbit.aoi.GridArea;
import io.spacecomp.orbit.geometry.CircularOrbitGeometry;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.JobSpec;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.SimulationConfig;
import io.spacecomp.sim.TestData;
import io.spacecomp.tasks.DataFiles;
import io.spacecomp.trace.JsonLinesTrace;
import io.spacecomp.trace.TraceHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The viewer in a real browser: replay of a simulated job, bad input, and the live page of a 3×3 emulation. */
@Tag("browser")
class ViewerBrowserTest {

    private static Browser browser;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** One word-count job on an 11×11 shell through the simulator, traced with its shell line. */
    static String simulatedTrace() {
        WalkerShell shell = WalkerShell.paperDefault(11, 11);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLinesTrace trace = new JsonLinesTrace(bytes);
        trace.emit(TraceHeader.of(shell, "simulation", null));
        Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(shell), new DataFiles(TestData.dataDir()), 7)
                .withTrace(trace));
        JobSpec job = JobSpec.wordCount("job-1", 6, GridArea.shuffled(3, 8, 11, 11, 7), "bipartite", "center", 200, TestData.fileName(), 7);
        JobOutcome o = sim.run(List.of(job), new SatId(1, 1)).get(0);
        assertTrue(o.done(), () -> "the simulated job failed: " + o.error());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state() {
        return (Map<String, Object>) browser.driver.executeScript("return window.spacecompViewer.state();");
    }

    private static long num(Map<String, Object> s, String k) {
        return ((Number) s.get(k)).longValue();
    }

    private static double real(Map<String, Object> s, String k) {
        return ((Number) s.get(k)).doubleValue();
    }

    private static WebDriverWait waitUpTo(int seconds) {
        // Rows are redrawn as events arrive: an element found a moment ago may be gone; the next poll finds the new one.
        return (WebDriverWait) new WebDriverWait(browser.driver, Duration.ofSeconds(seconds), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static void openAndWaitLoaded(String url) {
        browser.driver.get(url);
        waitUpTo(60).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    @Test
    void replayDrawsEveryHopScrubsToTheResultAndPlaysAndPauses() throws Exception {
        String text = simulatedTrace();
        long hops = text.lines().filter(l -> l.contains("\"type\":\"hop\"")).count();
        long firstHops = text.lines().filter(l -> l.startsWith("{\"t\":0.0,\"type\":\"hop\"")).count();
        assertTrue(hops > 50 && firstHops > 0, "a real job with first hops at t = 0: " + hops + ", " + firstHops);
        Path file = tmp.resolve("job.jsonl");
        Files.writeString(file, text);
        try (ReplayServer server = ReplayServer.start(TraceFile.load(file), null, "127.0.0.1", 0)) {
            openAndWaitLoaded(server.uri().toString());
            Map<String, Object> s = state();
            assertEquals("replay", s.get("mode"));
            assertEquals(hops, num(s, "hops"), "every hop of the trace is in the viewer");
            // At the start only the hops that leave at t = 0 are drawn: the routes' first hops, which logviz drops.
            waitUpTo(5).until(d -> num(state(), "drawnHops") == firstHops);
            assertEquals("running", browser.driver.findElement(By.cssSelector("#jobs tr[data-job='job-1']")).getDomAttribute("data-status"));

            // Scrub to the end: every hop drawn, the job done with its result.
            WebElement scrub = browser.driver.findElement(By.id("scrub"));
            scrub.click();
            scrub.sendKeys(Keys.END);
            waitUpTo(5).until(d -> num(state(), "drawnHops") == hops);
            s = state();
            assertEquals(real(s, "tMax"), real(s, "now"), 1e-12);
            WebElement row = browser.driver.findElement(By.cssSelector("#jobs tr[data-job='job-1']"));
            assertEquals("done", row.getDomAttribute("data-status"));
            String result = row.findElement(By.cssSelector("td.result")).getText();
            assertTrue(result.matches("\\d+ B"), "the result's size is shown: '" + result + "'");
            assertTrue(browser.driver.findElement(By.id("stats")).getText().startsWith(hops + " of " + hops + " hops drawn"));
            browser.screenshot("replay-end");

            // The heat map: hops arrived per satellite, its top the busiest satellite of the trace.
            Map<String, Long> arrivals = new java.util.HashMap<>();
            text.lines().filter(l -> l.contains("\"type\":\"hop\"")).forEach(l -> arrivals.merge(
                    l.substring(l.indexOf("\"to\":"), l.indexOf(']', l.indexOf("\"to\":"))), 1L, Long::sum));
            long busiest = arrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            browser.driver.findElement(By.id("heat")).click();
            waitUpTo(5).until(d -> (Boolean) state().get("heat") && num(state(), "heatMax") == busiest);
            browser.screenshot("replay-heat");
            browser.driver.findElement(By.id("heat")).click();

            // Back to the start, then play and pause by clicks.
            scrub.sendKeys(Keys.HOME);
            waitUpTo(5).until(d -> num(state(), "drawnHops") == firstHops);
            WebElement play = browser.driver.findElement(By.id("play"));
            play.click();
            assertEquals("Pause", play.getText());
            waitUpTo(10).until(d -> num(state(), "drawnHops") > firstHops && num(state(), "drawnHops") < hops);
            browser.screenshot("replay-playing");
            play.click();
            assertEquals("Play", play.getText());
            double paused = real(state(), "now");
            Thread.sleep(400);
            assertEquals(paused, real(state(), "now"), 0.0, "paused: the time stands still");
            assertFalse((Boolean) state().get("playing"));
            assertTrue(paused > real(s, "tMin") && paused < real(s, "tMax"), "play moved the time: " + paused);
        }
    }

    /**
     * The 1M-event measurement (README): set SPACECOMP_VIEWER_BIG_TRACE to a big trace, e.g. from
     * {@code spacecomp simulate --planes 11 --sats 11 --jobs 2900 --trace big.jsonl} (1.04 M events, 140 MB).
     */
    @Test
    void bigTraceReplaysSmoothly() throws Exception {
        String big = System.getenv("SPACECOMP_VIEWER_BIG_TRACE");
        org.junit.jupiter.api.Assumptions.assumeTrue(big != null, "SPACECOMP_VIEWER_BIG_TRACE not set: the 1M-event measurement is not run");
        long t0 = System.nanoTime();
        TraceFile file = TraceFile.load(Path.of(big));
        double serverS = (System.nanoTime() - t0) / 1e9;
        try (ReplayServer server = ReplayServer.start(file, null, "127.0.0.1", 0)) {
            long t1 = System.nanoTime();
            openAndWaitLoaded(server.uri().toString());
            double pageS = (System.nanoTime() - t1) / 1e9;
            Map<String, Object> s = state();
            assertEquals(file.events(), num(s, "events"));
            WebElement play = browser.driver.findElement(By.id("play"));
            WebElement scrub = browser.driver.findElement(By.id("scrub"));
            browser.driver.findElement(By.cssSelector("#speed option[value='0.5']")).click();
            play.click();
            Thread.sleep(6000);
            Map<String, Object> playing = state();
            play.click();
            scrub.click();
            long t2 = System.nanoTime();
            scrub.sendKeys(Keys.END);
            waitUpTo(60).withMessage(() -> "at the end: " + state()).until(d -> num(state(), "drawnHops") == num(state(), "hops"));
            double endS = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            scrub.sendKeys(Keys.HOME);
            waitUpTo(60).until(d -> num(state(), "drawnHops") == num(s, "drawnHops"));
            double homeS = (System.nanoTime() - t3) / 1e9;
            scrub.sendKeys(Keys.END);
            Thread.sleep(2500); // frames at the end: every hop summed per link
            Map<String, Object> end = state();
            browser.screenshot("replay-1M");
            System.out.printf(java.util.Locale.ROOT, "1M-event replay: %d events, %d hops; server check %.1f s; page load %.1f s (in-page %.1f s); "
                            + "playing: frame median %.1f ms, max %.1f ms; at the end (%d hops drawn): frame median %.1f ms, max %.1f ms; "
                            + "scrub to end %.2f s, back to start %.2f s%n",
                    num(s, "events"), num(s, "hops"), serverS, pageS, real(s, "loadMs") / 1000, real(playing, "frameMsMedian"),
                    real(playing, "frameMsMax"), num(end, "drawnHops"), real(end, "frameMsMedian"), real(end, "frameMsMax"), endS, homeS);
            assertTrue(real(end, "frameMsMedian") < 50, "smooth: " + end);
        }
    }

    @Test
    void aFailedJobShowsItsReason() throws Exception {
        WalkerShell shell = WalkerShell.paperDefault(11, 11);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLinesTrace trace = new JsonLinesTrace(bytes);
        trace.emit(TraceHeader.of(shell, "simulation", null));
        Simulation sim = new Simulation(SimulationConfig.defaults(new CircularOrbitGeometry(shell), new DataFiles(TestData.dataDir()), 3)
                .withTrace(trace));
        JobSpec ok = JobSpec.wordCount("fine", 6, GridArea.shuffled(3, 8, 11, 11, 3), "bipartite", "center", 200, TestData.fileName(), 3);
        JobSpec tooMany = JobSpec.wordCount("too-many", 20, GridArea.shuffled(3, 8, 11, 11, 4), "bipartite", "center", 200, TestData.fileName(), 4);
        List<JobOutcome> out = sim.run(List.of(ok, tooMany), new SatId(1, 1));
        assertTrue(out.get(0).done() && !out.get(1).done());
        Path file = Files.writeString(tmp.resolve("two.jsonl"), bytes.toString(StandardCharsets.UTF_8));
        try (ReplayServer server = ReplayServer.start(TraceFile.load(file), null, "127.0.0.1", 0)) {
            openAndWaitLoaded(server.uri().toString());
            WebElement scrub = browser.driver.findElement(By.id("scrub"));
            scrub.click();
            scrub.sendKeys(Keys.END);
            // read through the page's own DOM queries in one script: the job list is redrawn as time moves
            waitUpTo(5).until(d -> "failed".equals(((JavascriptExecutor) d).executeScript(
                    "const r = document.querySelector(\"#jobs tr[data-job='too-many']\"); return r && r.dataset.status;")));
            String reason = (String) browser.driver.executeScript(
                    "const r = document.querySelector(\"#jobs tr[data-reason-of='too-many'] td.reason\"); return r && r.textContent;");
            assertEquals(out.get(1).error(), reason);
            assertTrue(reason.contains("collectors must be <= aoi size / 2"), reason);
            assertEquals("done", browser.driver.executeScript(
                    "const r = document.querySelector(\"#jobs tr[data-job='fine']\"); return r && r.dataset.status;"));
            assertEquals("2: 1 done, 1 failed", browser.driver.findElement(By.id("jobcount")).getText());
            // one job picked: only its hops are drawn
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("job"))).selectByVisibleText("fine");
            long fineHops = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"type\":\"hop\",\"job\":\"fine\"")).count();
            waitUpTo(5).until(d -> num(state(), "drawnHops") == fineHops);
            browser.screenshot("replay-failed-job");
        }
    }

    @Test
    void badLinesAreSkippedAndNamed() throws Exception {
        List<String> lines = new java.util.ArrayList<>(simulatedTrace().lines().toList());
        long goodHops = lines.stream().filter(l -> l.contains("\"type\":\"hop\"")).count();
        lines.add(5, "{\"t\": oops}");
        String last = lines.remove(lines.size() - 1); // job_done, cut in half: a truncated file
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        b.append(last, 0, last.length() / 2);
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, b);
        try (ReplayServer server = ReplayServer.start(TraceFile.load(file), null, "127.0.0.1", 0)) {
            openAndWaitLoaded(server.uri().toString());
            String problems = browser.driver.findElement(By.id("problems")).getText();
            assertTrue(problems.contains("2 bad line(s) skipped"), problems);
            assertTrue(problems.contains("bad.jsonl line 6:"), problems);
            assertTrue(problems.contains("bad.jsonl line " + (lines.size() + 1) + ": truncated"), problems);
            assertEquals(goodHops, num(state(), "hops"), "every good line is loaded");
            browser.screenshot("replay-bad-lines");
        }
    }

    @Test
    void livePageShowsAJobAppearAndFinish() throws Exception {
        WalkerShell shell = WalkerShell.paperDefault(3, 3);
        LocalConstellation c = null;
        for (int attempt = 0; c == null; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
            try {
                c = LocalConstellation.inProcess(new LocalConstellation.Options(shell, base, 0, TestData.projectRoot().resolve("data"),
                        tmp.resolve("live-results"), new SatId(1, 1), "distance-aware", false, null));
            } catch (BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        try (LocalConstellation constellation = c) {
            constellation.awaitHealthy(Duration.ofSeconds(30));
            openAndWaitLoaded(constellation.gatewayUri() + "/");
            assertEquals("live", state().get("mode"));
            assertEquals(0, browser.driver.findElements(By.cssSelector("#jobs tr[data-job]")).size(), "no job yet");
            ObjectNode data = Wire.object();
            data.put("filename", "corpus.txt");
            GatewayClient client = new GatewayClient(constellation.gatewayUri());
            String jobId = client.submit(new JobRequest(4, 1, 3, 2, "bipartite", "center", "doccollector", "mergecombiner",
                    "wordcountmapper", "sumreducer", 5, data, false).body()).json().get("jobid").asText();
            // read through the page's own DOM queries: rows are redrawn as the job moves on
            String rowJs = "const r = document.querySelector(\"#jobs tr[data-job='" + jobId + "']\"); ";
            waitUpTo(30).until(d -> (Boolean) browser.driver.executeScript(rowJs + "return r !== null;"));
            waitUpTo(60).until(d -> "done".equals(browser.driver.executeScript(rowJs + "return r && r.dataset.status;")));
            assertTrue(client.await(jobId, Duration.ofSeconds(30)).path("done").asBoolean());
            // the outcome from /subscribe adds the result's keys beside its bytes
            waitUpTo(30).until(d -> String.valueOf(browser.driver.executeScript(rowJs + "return r && r.querySelector('td.result').textContent;"))
                    .matches("\\d+ keys, \\d+ B"));
            Map<String, Object> s = state();
            assertTrue(num(s, "hops") > 0 && num(s, "drawnHops") == num(s, "hops"), "live: every hop so far drawn: " + s);
            browser.screenshot("live-3x3");
        }
    }
}
