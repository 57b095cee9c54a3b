package io.spacecomp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spacecomp.emulator.client.GatewayClient;
import io.spacecomp.emulator.fault.LiveFault;
import io.spacecomp.emulator.net.IslKey;
import io.spacecomp.orbit.shell.SatId;
import io.spacecomp.orbit.shell.Torus;
import io.spacecomp.scenario.ScenarioReader;
import io.spacecomp.sim.Simulation;
import io.spacecomp.sim.fault.FaultEvent;
import io.spacecomp.sim.fault.FaultPlan;
import io.spacecomp.sim.fault.LinkId;
import io.spacecomp.sim.fault.Outage;
import io.spacecomp.sim.fault.RandomFaults;
import io.spacecomp.wire.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Injects faults into a live constellation through its gateway, with the constellation's secret
 * ({@code SPACECOMP_ISL_KEY}, or the file {@code SPACECOMP_ISL_KEY_FILE} names): the same faults a scenario's
 * {@code faults.schedule} lists, now, or that whole schedule replayed against the wall clock.
 */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = {"Inject a fault into a live constellation (through its gateway, with the constellation's secret in "
                + "SPACECOMP_ISL_KEY or SPACECOMP_ISL_KEY_FILE): the satellites concerned drop their ISL traffic as a real "
                + "failure would, and every plane's routers plan around it.",
                "  fault satellite 3,4 [5,6 ...] down [--for 10s] [--crash]",
                "  fault satellite 3,4 up",
                "  fault link 3,4 3,5 [...] down [--for 2s]",
                "  fault plane 7 down [--for 60s] [--crash]",
                "  fault partition 9,10,11 down [--for 5s]",
                "  fault --schedule scenario.yaml"})
final class FaultCommand implements Callable<Integer> {

    @Option(names = {"-u", "--url"}, defaultValue = "http://localhost:8089", description = "Gateway endpoint (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "How long the fault lasts, e.g. 10s, 500ms, 2m, 1h (default: until an up).")
    String forText;

    @Option(names = "--crash", description = "The satellites lose their state (they come back empty), instead of an outage that keeps it.")
    boolean crash;

    @Option(names = "--schedule", paramLabel = "FILE",
            description = "Replay the 'faults.schedule' of a YAML file (a scenario file or just that section): each event "
                    + "at its at_s after this command starts, wall clock, for its down_s.")
    Path schedule;

    @Option(names = "--seed", paramLabel = "N",
            description = "With --schedule: also replay the satellite crashes of the file's faults.random (satellite_mtbf_s, "
                    + "repair_s) as a simulation of seed N draws them (simulate --seed N); needs --horizon.")
    Long seed;

    @Option(names = "--horizon", paramLabel = "DURATION",
            description = "With --seed: draw the random crashes for this long after the command starts, e.g. 60s, 10m.")
    String horizonText;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Read the constellation's secret from FILE (e.g. the isl.key emulate writes into its results "
                    + "directory) instead of SPACECOMP_ISL_KEY / SPACECOMP_ISL_KEY_FILE.")
    Path keyFile;

    @Parameters(paramLabel = "FAULT", arity = "0..*",
            description = "satellite SAT,ORB... | link SAT,ORB SAT,ORB [...] | plane N | partition N,N...; then down or up.")
    List<String> words = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** --horizon in seconds. */
    private double horizonS;

    /** The longest --for (s). */
    static final double MAX_FOR_S = LiveFault.MAX_DOWN_S;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    /** Seconds of a duration flag: a number with an optional unit ms, s (the default), m or h. */
    static double seconds(String flag, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        double s = -1;
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            s = switch (unit) {
                case "ms" -> v / 1000;
                case "m" -> v * 60;
                case "h" -> v * 3600;
                default -> v;
            };
        }
        Flags.require(s > 0 && s <= MAX_FOR_S, flag, "a duration > 0 and at most " + (long) MAX_FOR_S
                + " s, written like 10s, 500ms, 2m or 1h", text);
        return s;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI base = Flags.httpUrl("-u/--url", url);
        Flags.require(schedule == null || words.isEmpty(), "--schedule", "alone, without a fault on the command line", words);
        Flags.require(schedule != null || !words.isEmpty(), "FAULT",
                "satellite SAT,ORB... | link SAT,ORB SAT,ORB | plane N | partition N,N..., then down or up; or --schedule FILE", "nothing");
        Flags.require(seed == null && horizonText == null || schedule != null, "--seed/--horizon", "only with --schedule",
                seed != null ? seed : horizonText);
        Flags.require((seed == null) == (horizonText == null), seed == null ? "--horizon" : "--seed",
                "--seed and --horizon together", seed == null ? horizonText : seed);
        if (horizonText != null) {
            horizonS = seconds("--horizon", horizonText);
        }
        if (schedule != null) {
            Flags.require(forText == null && !crash, "--schedule", "without --for and --crash (the file says how long and what crashes)",
                    schedule);
            Flags.require(Files.isRegularFile(schedule), "--schedule", "a YAML file with a 'faults:' section", schedule);
        }
        GatewayClient client = new GatewayClient(base);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IslKey key;
        if (keyFile != null) {
            Flags.require(Files.isRegularFile(keyFile), "--key-file", "a readable file holding the constellation's secret", keyFile);
            String secret = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            Flags.require(!secret.isEmpty(), "--key-file", "a file holding the constellation's secret, not an empty one", keyFile);
            key = new IslKey(secret);
        } else {
            key = IslKey.fromEnvironment();
        }
        Torus torus;
        try {
            torus = shell(client);
        } catch (ConnectException e) {
            err.println("error: no gateway answers at " + url + " (" + Flags.reason(e) + ")");
            return 1;
        }
        if (schedule == null) {
            return send(client, key, fault(torus), out, err) ? 0 : 1;
        }
        FaultPlan plan = ScenarioReader.readFaults(schedule, torus.planes(), torus.satsPerPlane());
        List<FaultEvent> events = new ArrayList<>(plan.schedule());
        if (seed != null) {
            Flags.require(plan.random().crashes(), "--seed", "a file whose faults.random has satellite_mtbf_s (crashes to draw)",
                    schedule);
            // the crashes a simulation of this seed draws over the same shell, at the same times from the start
            events.addAll(plan.random().crashes(torus, Simulation.crashStream(seed), 0, horizonS));
        }
        Flags.require(!events.isEmpty(), "--schedule", "a file whose faults.schedule lists at least one event (or random crashes "
                + "with --seed and --horizon)", schedule);
        RandomFaults random = plan.random();
        boolean hopFaults = random.messageLoss() > 0 || random.duplicate() > 0 || random.delay() > 0 && random.delayS() > 0;
        if (seed == null && random.any()) {
            err.println("note: faults.random of " + schedule + " is not replayed live"
                    + (random.crashes() ? " (its crashes are, with --seed N --horizon DURATION)" : ""));
        } else if (hopFaults) {
            err.println("note: the message loss, duplicates and delays of faults.random of " + schedule + " are not replayed live");
        }
        events.sort(Comparator.comparingDouble(FaultEvent::atS)); // stable: events at the same time keep the file's order
        long start = System.nanoTime();
        boolean all = true;
        for (FaultEvent e : events) {
            long dueNs = start + Math.round(e.atS() * 1e9);
            long waitNs = dueNs - System.nanoTime();
            if (waitNs > 0) {
                Thread.sleep(waitNs / 1_000_000, (int) (waitNs % 1_000_000));
            }
            out.printf(Locale.ROOT, "t = %.3f s (at_s %s): ", (System.nanoTime() - start) / 1e9, e.atS());
            all &= send(client, key, new LiveFault(e, false), out, err);
        }
        return all ? 0 : 1;
    }

    /** The gateway's shell, from its {@code /health}. */
    private static Torus shell(GatewayClient client) throws IOException, InterruptedException {
        GatewayClient.Answer a = client.get("/health");
        JsonNode h = a.json();
        if (!a.ok() || !h.path("planes").canConvertToInt() || !h.path("sats").canConvertToInt()) {
            throw new IOException("the gateway's /health did not give its shell: HTTP " + a.status());
        }
        return new Torus(h.get("planes").intValue(), h.get("sats").intValue());
    }

    /** The fault the command line describes, checked against the shell. */
    private LiveFault fault(Torus torus) {
        String kind = words.get(0);
        Flags.oneOf("FAULT", kind, List.of("satellite", "link", "plane", "partition"));
        String state = words.get(words.size() - 1);
        Flags.require(words.size() >= 3 && (state.equals("down") || state.equals("up")), kind,
                "one or more targets, then down or up (e.g. " + kind + " " + example(kind) + " down)", String.join(" ", words));
        boolean up = state.equals("up");
        List<String> targets = words.subList(1, words.size() - 1);
        Flags.require(!up || forText == null, "--for", "only with down", forText);
        Flags.require(!crash || (!up && (kind.equals("satellite") || kind.equals("plane"))), "--crash",
                "only with satellite or plane ... down (a link or a partition goes down, it does not crash)", kind + " " + state);
        double downS = forText == null ? Double.POSITIVE_INFINITY : seconds("--for", forText);
        Outage outage = crash ? Outage.CRASH : Outage.DOWN;
        FaultEvent event = switch (kind) {
            case "satellite" -> {
                List<SatId> sats = new ArrayList<>();
                for (String t : targets) {
                    sats.add(Flags.satellite("satellite", t, torus));
                }
                yield new FaultEvent.SatelliteDown(0, sats, downS, outage);
            }
            case "link" -> {
                Flags.require(targets.size() % 2 == 0, "link", "pairs of neighbouring satellites SAT,ORB SAT,ORB",
                        String.join(" ", targets));
                List<LinkId> links = new ArrayList<>();
                for (int i = 0; i < targets.size(); i += 2) {
                    SatId a = Flags.satellite("link", targets.get(i), torus);
                    SatId b = Flags.satellite("link", targets.get(i + 1), torus);
                    Flags.require(!a.equals(b) && torus.areNeighbours(a, b), "link",
                            "two torus neighbours joined by an ISL (e.g. 3,4 3,5 or 3,4 4,4)", targets.get(i) + " " + targets.get(i + 1));
                    links.add(new LinkId(a, b));
                }
                yield new FaultEvent.LinkDown(0, links, downS);
            }
            case "plane" -> {
                Flags.require(targets.size() == 1, "plane", "one plane number", String.join(" ", targets));
                yield new FaultEvent.PlaneDown(0, plane("plane", targets.get(0), torus), downS, outage);
            }
            default -> {
                List<Integer> planes = new ArrayList<>();
                for (String t : targets) {
                    for (String p : t.split(",")) {
                        int v = plane("partition", p, torus);
                        Flags.require(!planes.contains(v), "partition", "each plane once", t);
                        planes.add(v);
                    }
                }
                Flags.require(planes.size() < torus.planes(), "partition", "the planes of one side, not all " + torus.planes(),
                        String.join(" ", targets));
                yield new FaultEvent.Partition(0, planes, downS);
            }
        };
        return new LiveFault(event, up);
    }

    private static String example(String kind) {
        return switch (kind) {
            case "satellite" -> "3,4";
            case "link" -> "3,4 3,5";
            case "plane" -> "7";
            default -> "9,10,11";
        };
    }

    private static int plane(String flag, String text, Torus torus) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            v = -1;
        }
        Flags.require(v >= 1 && v <= torus.planes(), flag, "a plane in [1, " + torus.planes() + "]", text);
        return v;
    }

    /** Sends one fault; prints the gateway's answer. Returns whether every plane took it. */
    private boolean send(GatewayClient client, IslKey key, LiveFault f, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        GatewayClient.Answer a = client.fault(f.json(), key);
        String body = new String(a.body(), StandardCharsets.UTF_8).trim();
        if (a.status() == 403) {
            err.println("error: the gateway refused the fault (HTTP 403): set " + IslKey.ENV + " (or " + IslKey.FILE_ENV
                    + ", or give --key-file) to the constellation's secret; emulate writes it to RESULTS_DIR/isl.key"
                    + (key.isOpen() ? " (none is set)" : ""));
            err.flush();
            return false;
        }
        if (!a.ok()) {
            err.println("error: the gateway refused the fault (HTTP " + a.status() + "): " + body);
            err.flush();
            return false;
        }
        out.println(body);
        out.flush();
        JsonNode missed = Wire.parse(a.body()).path("planes_unreachable");
        if (missed.size() > 0) {
            err.println("warning: " + missed.size() + " plane(s) did not take the fault: " + missed);
            err.flush();
            return false;
        }
        return true;
    }
}
