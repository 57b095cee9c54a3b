package io.spacecomp.emulator.viewer;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Headless chromium (Debian's {@code chromium} and {@code chromium-driver}) for the viewer's tests. Without
 * them the tests are skipped with a message saying what to install, unless {@code SPACECOMP_REQUIRE_BROWSER=1}
 * (as .ci/run sets), when they fail instead.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "viewer-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Path find(String env, String... candidates) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    static Browser start() throws IOException {
        Path chromium = find("SPACECOMP_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Path driverBin = find("SPACECOMP_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || driverBin == null) {
            String why = "no chromium/chromedriver (apt-get install -y chromium chromium-driver): the viewer's browser tests are skipped";
            if ("1".equals(System.getenv("SPACECOMP_REQUIRE_BROWSER"))) {
                throw new AssertionError(why.replace("are skipped", "are required (SPACECOMP_REQUIRE_BROWSER=1)"));
            }
            Assumptions.abort(why);
        }
        Path profile = Files.createTempDirectory("spacecomp-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        // The closed network makes a default chromium hang on its background calls: switch them all off.
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBin.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return new Browser(d, profile);
    }

    /** Saves a screenshot as target/viewer-screenshots/NAME.png (a test artefact); returns its path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path p = SCREENSHOTS.resolve(name + ".png");
        Files.write(p, driver.getScreenshotAs(OutputType.BYTES));
        return p;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
