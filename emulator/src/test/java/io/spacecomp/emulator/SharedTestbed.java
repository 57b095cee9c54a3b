package io.spacecomp.emulator;

import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.deploy.LocalConstellation;
import io.spacecomp.sim.TestData;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One live {@link Testbed} for every test of a class, with the project's data/ and results in a temporary directory:
 * {@code @RegisterExtension static final SharedTestbed bed = new SharedTestbed(3, 3);}.
 */
public final class SharedTestbed implements BeforeAllCallback, AfterAllCallback {

    private final int planes;
    private final int sats;
    private Path results;
    private Testbed bed;

    public SharedTestbed(int planes, int sats) {
        this.planes = planes;
        this.sats = sats;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        results = Files.createTempDirectory("spacecomp-testbed-");
        bed = Testbed.start(planes, sats, results, TestData.projectRoot().resolve("data"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (bed != null) {
            bed.close();
            bed = null;
        }
        if (results != null) {
            try (Stream<Path> all = Files.walk(results)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    public GatewayClient client() {
        return bed.client;
    }

    public LocalConstellation constellation() {
        return bed.constellation;
    }

    public io.spacecomp.orbit.shell.WalkerShell shell() {
        return bed.shell;
    }
}
