package io.spacecomp.cli;

import io.spacecomp.emulator.gateway.Gateway;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.emulator.gateway.GatewayConfig;
import io.spacecomp.emulator.gateway.GatewayLimits;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.tasks.DataFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** The ground gateway: leopymr's REST API in front of a live constellation. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run the gateway: leopymr's REST API (/submit, /completion, /download, /subscribe) in front of a live constellation.")
final class GatewayCommand implements Callable<Integer> {

    @Mixin
    ShellOptions shellOptions;

    @Mixin
    LiveNetworkOptions network;

    @Option(names = "--port", defaultValue = "8089", description = "Public API port, 0..65535 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the API binds; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--downlink-port", defaultValue = "8090",
            description = "Port where coordinators report finished jobs; keep it unpublished, 0..65535 (default: ${DEFAULT-VALUE}).")
    int downlinkPort;

    @Option(names = "--los", paramLabel = "SAT,ORB", defaultValue = "1,1", description = "Coordinator of every job (default: ${DEFAULT-VALUE}).")
    String los;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "live-results",
            description = "Where finished jobs and result files are kept (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The satellites' data directory, when the gateway can see it: bad job_data.filename values are refused at once.")
    Path dataDir;

    @Option(names = "--epoch", defaultValue = "2026-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "The constellation epoch, as its planes' --epoch: Unix times in events, satellites over an aoi_box (default: ${DEFAULT-VALUE}).")
    String epoch;

    @Option(names = "--insecure", description = "Start even though " + IslKey.ENV + " is not set: anyone who reaches the downlink "
            + "port may then post outcomes (a warning is printed).")
    boolean insecure;

    @Option(names = "--max-jobs", defaultValue = "128", description = "Jobs in progress at once; more get 503 {error, retry_after_s}, "
            + "1..100000 (default: ${DEFAULT-VALUE}).")
    int maxJobs;

    @Option(names = "--min-free-mb", defaultValue = "64", description = "Free space the results directory needs to accept a job; "
            + "below it 507, 0..1048576 (default: ${DEFAULT-VALUE}).")
    long minFreeMb;

    @Option(names = "--keep-jobs", defaultValue = "10000", description = "Finished jobs kept in the results directory, the oldest "
            + "deleted beyond it, 1..10000000 (default: ${DEFAULT-VALUE}).")
    int keepJobs;

    @Option(names = "--plane-heap-mb", defaultValue = "256", paramLabel = "MB",
            description = "The planes' heap (-Xmx): jobs in progress may read an eighth of it in data files (their job_data.filename) at "
                    + "once, more get 503 {error, retry_after_s}, 1..1048576 (default: ${DEFAULT-VALUE}).")
    long planeHeapMb;

    @Option(names = "--health-silence", defaultValue = "5", paramLabel = "S", description = "Seconds without a health check "
            + "answered after which a satellite is taken for gone (its jobs fail, or re-plan; routers go round it), 1..600; "
            + "longer where planes share few cores (default: ${DEFAULT-VALUE}).")
    double healthSilenceS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WalkerShell shell = LiveShell.require(shellOptions, spec);
        Flags.port("--port", port, true);
        Flags.port("--downlink-port", downlinkPort, true);
        SatId coordinator = Flags.satellite("--los", los, shell);
        if (dataDir != null) {
            Flags.require(Files.isDirectory(dataDir), "--data-dir", "an existing directory", dataDir);
        }
        long epochMs;
        try {
            epochMs = Instant.parse(epoch).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid value for --epoch: " + epoch + " (allowed: an ISO-8601 instant such as 2026-01-01T00:00:00Z)");
        }
        Flags.require(maxJobs >= 1 && maxJobs <= 100_000, "--max-jobs", "an integer in [1, 100000]", maxJobs);
        Flags.require(minFreeMb >= 0 && minFreeMb <= 1_048_576, "--min-free-mb", "an integer in [0, 1048576]", minFreeMb);
        Flags.require(keepJobs >= 1 && keepJobs <= 10_000_000, "--keep-jobs", "an integer in [1, 10000000]", keepJobs);
        Flags.require(planeHeapMb >= 1 && planeHeapMb <= 1_048_576, "--plane-heap-mb", "an integer in [1, 1048576]", planeHeapMb);
        Flags.require(healthSilenceS >= 1 && healthSilenceS <= 600, "--health-silence", "seconds in [1, 600]", healthSilenceS);
        IslKey key = IslKey.fromEnvironment();
        if (key.isOpen() && !insecure) {
            throw new IllegalArgumentException(IslKey.ENV + " is not set: a gateway without the constellation's secret would take "
                    + "outcomes from anyone; set it (launchers do), or pass --insecure to start anyway");
        }
        if (key.isOpen()) {
            spec.commandLine().getErr().println("warning: " + IslKey.ENV + " is not set (--insecure): the downlink accepts outcomes "
                    + "from anyone who can reach it");
        }
        GatewayLimits limits = GatewayLimits.DEFAULT.withMaxJobs(maxJobs).withMinFreeBytes(minFreeMb << 20).withKeepJobs(keepJobs)
                .withMaxDataBytes(GatewayLimits.dataBytesFor(planeHeapMb << 20))
                .withSilence(java.time.Duration.ofMillis(Math.round(healthSilenceS * 1000)));
        Gateway gateway = Gateway.start(new GatewayConfig(shell, network.addresses(shell), coordinator, host, port, host, downlinkPort,
                resultsDir, dataDir == null ? null : new DataFiles(dataDir), key, epochMs), limits);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        spec.commandLine().getOut().printf("gateway: http://%s:%d (downlink port %d, results in %s)%n", host,
                gateway.address().getPort(), gateway.downlinkAddress().getPort(), resultsDir.toAbsolutePath());
        spec.commandLine().getOut().flush();
        LiveShell.awaitShutdown(-1);
        return 0;
    }
}
