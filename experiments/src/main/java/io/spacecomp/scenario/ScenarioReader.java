package io.spacecomp.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spacecomp.experiments.Experiments;
import io.spacecomp.orbit.aoi.AreaOfInterest;
import io.spacecomp.orbit.ground.GroundStation;
import io.spacecomp.orbit.link.LinkBudget;
import io.spacecomp.orbit.orekit.TleCatalogue;
import io.spacecomp.orbit.shell.WalkerShell;
import io.spacecomp.placement.Allocators;
import io.spacecomp.placement.CostKind;
import io.spacecomp.placement.CostModel;
import io.spacecomp.routing.PolarProtection;
import io.spacecomp.routing.RouteOptions;
import io.spacecomp.routing.RttTiming;
import io.spacecomp.routing.Routers;
import io.spacecomp.protocol.FailurePolicy;
import io.spacecomp.sim.fault.FaultPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a scenario file: Jackson's YAML module parses it, this class checks every key (unknown keys are
 * errors, so a typo never silently gives a default), applies the defaults and expands the sweep into one
 * validated {@link Scenario} per point. Every error names the key path, the allowed values and the line.
 */
public final class ScenarioReader {

    static final List<String> TOP_KEYS = List.of("name", "description", "experiment", "seed", "runs", "constellation", "aoi",
            "ground_stations", "job", "cost", "compare", "routing", "data_dir", "sweep", "quick", "faults");
    static final List<String> REDUCERS = List.of("los", "center", "median");
    static final List<String> COST_KINDS = List.of("eq5", "hops", "distance");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_SWEEP_POINTS = 100;
    /** Largest whole count of collectors; a fraction is a number in (0, 0.5]. */
    private static final int MAX_COLLECTORS = 10_000;

    // a key given twice is an error, not "the last one wins"
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private ScenarioReader() {
    }

    /** Reads and validates {@code file}; relative paths inside it start from its folder. */
    public static ScenarioFile read(Path file) {
        return read(file, null);
    }

    /**
     * Reads and validates {@code file} with its {@code constellation} replaced by a TLE catalogue's shell (the
     * command line's {@code --tle FILE [--shell K]}); a sweep of the constellation's keys is then an error.
     *
     * @param tle the shell that replaces the file's constellation, or null for the file's own
     */
    public static ScenarioFile read(Path file, ConstellationSpec.Tle tle) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", 0, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, base, tle);
    }

    /**
     * The study {@code --tle FILE [--shell K]} runs without a scenario file: what a file holding only
     * {@code constellation: {tle: FILE, shell: K}} gives (the paper's area, stations, job, cost and strategies),
     * named {@code tle-<file>[-shell<K>]}.
     */
    public static ScenarioFile tleStudy(ConstellationSpec.Tle tle) {
        String file = tle.file().getFileName().toString().replaceFirst("\\.(tle|txt)$", "");
        String name = ("tle-" + file + (tle.shell() == null ? "" : "-shell" + tle.shell())).replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.substring(0, Math.min(64, name.length()));
        return parse("name: " + name + "\nconstellation: {}\n", "--tle " + tle.file(), null, name, tle);
    }

    /**
     * Parses scenario text.
     *
     * @param yaml        the text
     * @param label       how messages name it (usually the file)
     * @param baseDir     where relative paths start
     * @param defaultName the name when the file gives none
     */
    public static ScenarioFile parse(String yaml, String label, Path baseDir, String defaultName) {
        return parse(yaml, label, baseDir, defaultName, null);
    }

    private static ScenarioFile parse(String yaml, String label, Path baseDir, String defaultName, ConstellationSpec.Tle tle) {
        ScenarioNode root = root(yaml, label, baseDir);
        ScenarioSource source = root.source();
        ObjectNode original = (ObjectNode) root.json();
        if (tle != null) {
            replaceConstellation(root, original, tle);
        }
        Scenario base = scenario(root, original, defaultName);
        List<SweepPoint> points = points(base, base.sweep(), original, source, defaultName);
        List<SweepPoint> quick = base.quickSweep() == null ? points : points(base, base.quickSweep(), original, source, defaultName);
        return new ScenarioFile(base, points, quick);
    }

    private static List<SweepPoint> points(Scenario base, SweepAxis axis, ObjectNode original, ScenarioSource source,
                                           String defaultName) {
        List<SweepPoint> points = new ArrayList<>();
        if (axis == null) {
            points.add(new SweepPoint(0, Double.NaN, base));
        } else {
            for (int i = 0; i < axis.size(); i++) {
                points.add(new SweepPoint(i, axis.value(i), atPoint(original, source, axis, i, defaultName)));
            }
        }
        return points;
    }

    /**
     * Puts {@code tle} in place of the file's constellation, before anything is checked, so the scenario is read
     * as if the file said it; the sweep must not move the constellation's keys.
     */
    private static void replaceConstellation(ScenarioNode root, ObjectNode original, ConstellationSpec.Tle tle) {
        for (String section : List.of("sweep", "quick")) {
            JsonNode axis = section.equals("sweep") ? original.get("sweep") : original.path("quick").get("sweep");
            if (axis != null && axis.isObject()) {
                for (Iterator<String> it = axis.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (key.startsWith("constellation.")) {
                        ScenarioNode at = section.equals("sweep") ? root.get("sweep") : root.get("quick").get("sweep");
                        throw at.get(key).error("sweeps the constellation, which --tle replaces by one catalogue shell; "
                                + "run the file without --tle, or drop this sweep");
                    }
                }
            }
        }
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("tle", tle.file().toAbsolutePath().normalize().toString());
        if (tle.shell() != null) {
            c.put("shell", tle.shell());
        }
        original.set("constellation", c);
    }

    /** The parsed tree of {@code yaml} as a mapping of scenario keys, each node knowing its line. */
    private static ScenarioNode root(String yaml, String label, Path baseDir) {
        JsonNode tree;
        ScenarioSource source;
        try {
            source = ScenarioSource.of(label, baseDir, yaml, YAML);
            tree = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(label, "", line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(label, "", 0, "cannot read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(label, "", 0, "the file is empty");
        }
        return new ScenarioNode(tree, "", source).requireObject(TOP_KEYS);
    }

    /** The scenario of point {@code i}: the tree with the axis keys set to their values, read again. */
    static Scenario atPoint(ObjectNode original, ScenarioSource source, SweepAxis axis, int i, String defaultName) {
        ObjectNode copy = original.deepCopy();
        for (int k = 0; k < axis.keys().size(); k++) {
            String key = axis.keys().get(k);
            int cut = key.lastIndexOf('.');
            ObjectNode parent = (ObjectNode) (cut < 0 ? copy : copy.at("/" + key.substring(0, cut).replace('.', '/')));
            parent.set(key.substring(cut + 1), numberNode(axis.values().get(k).get(i)));
        }
        try {
            return scenario(new ScenarioNode(copy, "", source), original, defaultName);
        } catch (ScenarioException e) {
            StringBuilder where = new StringBuilder();
            for (int k = 0; k < axis.keys().size(); k++) {
                where.append(k == 0 ? "" : ", ").append(axis.keys().get(k)).append(" = ").append(axis.values().get(k).get(i));
            }
            throw e.with(" (at sweep point " + where + ")");
        }
    }

    private static Scenario scenario(ScenarioNode root, ObjectNode original, String defaultName) {
        String name = root.string("name", defaultName);
        if (!NAME.matcher(name).matches()) {
            throw root.get("name").error("'" + name + "' is not a name of 1-64 letters, digits, '.', '_' or '-'");
        }
        String description = root.string("description", "");
        List<String> experiments = new ArrayList<>();
        experiments.add(Scenario.STUDY);
        experiments.addAll(Experiments.NAMES);
        String experiment = root.oneOf("experiment", experiments, Scenario.STUDY);
        long seed = root.longValue("seed", 1);
        int runs = root.integer("runs", 1, 1000, 20);
        ConstellationSpec constellation = constellation(root.required("constellation"));
        AreaSpec aoi = root.has("aoi") ? area(root.get("aoi")) : AreaSpec.PAPER;
        StationSpec stations = root.has("ground_stations") ? stations(root.get("ground_stations")) : StationSpec.PAPER;
        JobTemplate job = job(root.get("job"));
        CostSpec cost = root.has("cost") ? cost(root.get("cost")) : CostSpec.PAPER;
        Compare compare = compare(root.get("compare"), experiment);
        RouteOptions routing = routing(root.get("routing"));
        Path dataDir = null;
        if (root.has("data_dir")) {
            String d = root.string("data_dir", null);
            dataDir = root.source().baseDir() == null ? Path.of(d) : root.source().baseDir().resolve(d).normalize();
            if (!Files.isDirectory(dataDir)) {
                throw root.get("data_dir").error("'" + d + "' is not a directory (resolved to " + dataDir + ")");
            }
        }
        SweepAxis sweep = root.has("sweep") ? sweep(root.get("sweep"), original) : null;
        int quickRuns = 4;
        SweepAxis quickSweep = null;
        if (root.has("quick")) {
            ScenarioNode q = root.get("quick").requireObject(List.of("runs", "sweep"));
            quickRuns = q.integer("runs", 1, 1000, 4);
            if (q.has("sweep")) {
                if (sweep == null) {
                    throw q.get("sweep").error("a quick sweep needs a sweep");
                }
                quickSweep = quickSweep(q.get("sweep"), sweep, original);
            }
        }
        FaultPlan faults = root.has("faults") ? FaultsSection.read(root.get("faults"), constellation) : FaultPlan.NONE;
        return new Scenario(name, description, experiment, seed, runs, constellation, aoi, stations, job, cost, compare,
                routing, dataDir, sweep, quickRuns, quickSweep, original, faults);
    }

    static ConstellationSpec constellation(ScenarioNode c) {
        c.requireObject(List.of("walker", "tle", "shell"));
        if (c.has("walker") == c.has("tle")) {
            throw c.error("give exactly one of 'walker' or 'tle'");
        }
        if (c.has("tle")) {
            String file = c.string("tle", null);
            Path base = c.source().baseDir();
            Path p = base == null ? Path.of(file) : base.resolve(file).normalize();
            if (!Files.isRegularFile(p)) {
                throw c.get("tle").error("'" + file + "' is not a file (resolved to " + p + ")");
            }
            Integer shell = c.has("shell") ? c.integer("shell", 1, 100, null) : null;
            // the catalogue must form the shell now, so the error names this file's line (runs read it again)
            try {
                TleCatalogue catalogue = TleCatalogue.read(p);
                if (shell == null) {
                    catalogue.onlyShell();
                } else {
                    catalogue.shell(shell);
                }
            } catch (IllegalArgumentException e) {
                throw c.get(shell == null ? "tle" : "shell").error(e.getMessage());
            }
            return new ConstellationSpec.Tle(p, shell);
        }
        if (c.has("shell")) {
            throw c.get("shell").error("'shell' picks a shell of a TLE catalogue; a Walker shell has none");
        }
        ScenarioNode w = c.get("walker").requireObject(List.of("planes", "sats", "inclination_deg", "altitude_km", "phasing"));
        int planes = w.integer("planes", 3, 400, null);
        int sats = w.integer("sats", 3, 400, null);
        double inclination = w.number("inclination_deg", 0, 180, null);
        double altitude = w.number("altitude_km", 160, 2000, null);
        int phasing = w.integer("phasing", 0, planes - 1, 0);
        try {
            return new ConstellationSpec.Walker(new WalkerShell(planes, sats, phasing, inclination, altitude,
                    WalkerShell.DEFAULT_EARTH_RADIUS_KM));
        } catch (IllegalArgumentException e) {
            throw w.error(e.getMessage());
        }
    }

    /** Longest fault time or duration a scenario may give (s): about 31 years. */
    /**
     * Reads only the {@code faults} section of {@code file} ({@code simulate --faults}): a file holding just that
     * section, or a whole scenario, whose other keys must still be scenario keys.
     *
     * @param planes       the shell's planes, to check satellites and planes against (0: not checked here)
     * @param satsPerPlane the shell's satellites per plane (0: not checked here)
     */
    public static FaultPlan readFaults(Path file, int planes, int satsPerPlane) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", 0, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        ScenarioNode root = root(text, file.toString(), file.toAbsolutePath().getParent());
        return FaultsSection.read(root.required("faults"), planes, satsPerPlane);
    }

    static AreaSpec area(ScenarioNode a) {
        a.requireObject(List.of("lat_min", "lat_max", "lon_min", "lon_max", "pass"));
        double latMin = a.number("lat_min", -90, 90, null);
        double latMax = a.number("lat_max", -90, 90, null);
        if (!(latMax > latMin)) {
            throw a.get("lat_max").error(ScenarioNode.fmt(latMax) + " must be greater than lat_min " + ScenarioNode.fmt(latMin));
        }
        double lonMin = a.number("lon_min", -180, 180, null);
        double lonMax = a.number("lon_max", -180, 180, null);
        if (lonMax == lonMin) {
            throw a.get("lon_max").error("equals lon_min: the box has no width (lon_min > lon_max crosses the antimeridian)");
        }
        PassMode pass = PassMode.parse(a.oneOf("pass", PassMode.NAMES, "alternate"));
        return new AreaSpec(new AreaOfInterest(latMin, latMax, lonMin, lonMax), pass);
    }

    static StationSpec stations(ScenarioNode g) {
        JsonNode n = g.json();
        if (n.isTextual()) {
            g.asOneOf(List.of("cities"));
            return StationSpec.PAPER;
        }
        if (n.isArray()) {
            return new StationSpec(new StationSpec.Pool.Listed(stationList(g, StationSpec.PAPER.minElevationDeg())),
                    StationSpec.PAPER.minElevationDeg(), null, StationSpec.PAPER.timing());
        }
        g.requireObject(List.of("cities", "stations", "min_elevation_deg", "max_gsl_km", "snapshot"));
        RttTiming timing = g.bool("snapshot", false) ? RttTiming.SNAPSHOT : RttTiming.TIME_DEPENDENT;
        double mask = g.number("min_elevation_deg", 0, 90, StationSpec.PAPER.minElevationDeg());
        Double cone = g.has("max_gsl_km") ? g.number("max_gsl_km", 1, 20_000, null) : null;
        if (cone != null && g.has("min_elevation_deg")) {
            throw g.get("max_gsl_km").error("give either max_gsl_km (the range cone) or min_elevation_deg (the mask), not both");
        }
        if (g.has("cities") == g.has("stations")) {
            throw g.error("give exactly one of 'cities' or 'stations'");
        }
        if (g.has("stations")) {
            return new StationSpec(new StationSpec.Pool.Listed(stationList(g.get("stations"), mask)), mask, cone, timing);
        }
        ScenarioNode c = g.get("cities").requireObject(List.of("min_population"));
        long pop = c.longValue("min_population", 1_000_000);
        if (pop < 1_000_000) {
            throw c.get("min_population").error(pop + " is below 1000000: the shipped list holds cities above one million people");
        }
        return new StationSpec(new StationSpec.Pool.Cities(pop), mask, cone, timing);
    }

    private static List<GroundStation> stationList(ScenarioNode list, double defaultMask) {
        List<GroundStation> out = new ArrayList<>();
        List<ScenarioNode> items = list.elements();
        if (items.isEmpty()) {
            throw list.error("an empty list of stations");
        }
        for (ScenarioNode s : items) {
            s.requireObject(List.of("name", "lat", "lon", "alt_m", "min_elevation_deg"));
            String name = s.string("name", null);
            if (name.isBlank()) {
                throw s.get("name").error("a blank name");
            }
            out.add(new GroundStation(name, s.number("lat", -90, 90, null), s.number("lon", -180, 180, null),
                    s.number("alt_m", -500, 9000, 0.0), s.number("min_elevation_deg", 0, 90, defaultMask)));
        }
        return out;
    }

    static JobTemplate job(ScenarioNode j) {
        if (j.isMissing()) {
            return new JobTemplate(new Amount.Fraction(0.2), new Amount.Fraction(0.2), TaskNames.WORD_COUNT,
                    defaultData(), 1024, 3600, 1, null, FailurePolicy.FAIL);
        }
        j.requireObject(List.of("collectors", "mappers", "tasks", "data", "max_collect_records", "timeout_s", "jobs", "epoch_s",
                "on_failure"));
        Amount collectors = j.has("collectors") ? amount(j.get("collectors")) : new Amount.Fraction(0.2);
        Amount mappers = j.has("mappers") ? amount(j.get("mappers")) : collectors;
        if (!mappers.equals(collectors)) {
            throw j.get("mappers").error(mappers.text() + " differs from collectors " + collectors.text()
                    + ": the job protocol offers as many candidate mappers as there are collectors; give the same value");
        }
        TaskNames tasks = TaskNames.WORD_COUNT;
        if (j.has("tasks")) {
            ScenarioNode t = j.get("tasks").requireObject(List.of("collect", "map", "combine", "reduce"));
            tasks = new TaskNames(t.string("collect", "doccollector"), t.string("map", "wordcountmapper"),
                    t.string("combine", ""), t.string("reduce", "sumreducer"));
        }
        ObjectNode data = defaultData();
        if (j.has("data")) {
            if (!j.get("data").json().isObject()) {
                throw j.get("data").error("expected a mapping (the tasks' job_data, e.g. {filename: corpus.txt})");
            }
            data = (ObjectNode) j.get("data").json().deepCopy();
        }
        int maxRecords = j.integer("max_collect_records", 1, 1_000_000, 1024);
        double timeout = j.number("timeout_s", 1e-3, 1e7, 3600.0);
        int jobs = j.integer("jobs", 1, 10_000, 1);
        Double epoch = j.has("epoch_s") ? j.number("epoch_s", 0, 1e9, null) : null;
        FailurePolicy onFailure = FailurePolicy.parse(j.oneOf("on_failure", FailurePolicy.NAMES, "fail"));
        return new JobTemplate(collectors, mappers, tasks, data, maxRecords, timeout, jobs, epoch, onFailure);
    }

    private static ObjectNode defaultData() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("filename", "corpus.txt");
        return data;
    }

    static Amount amount(ScenarioNode a) {
        JsonNode n = a.json();
        if (n.isIntegralNumber()) {
            return new Amount.Count(a.asInteger(1, MAX_COLLECTORS));
        }
        if (n.isNumber()) {
            double f = n.doubleValue();
            if (!(f > 0 && f <= 0.5)) {
                throw a.error(ScenarioNode.fmt(f) + " is not a fraction in (0, 0.5] (collectors and mappers share the AOI)"
                        + " nor a whole count in [1, " + MAX_COLLECTORS + "]");
            }
            return new Amount.Fraction(f);
        }
        throw a.error(ScenarioNode.describe(n) + " is not a fraction in (0, 0.5] nor a whole count in [1, " + MAX_COLLECTORS + "]");
    }

    static CostSpec cost(ScenarioNode c) {
        c.requireObject(List.of("bandwidth_hz", "power_w", "gain_tx_dbi", "gain_rx_dbi", "noise_temperature_k", "wavelength_m",
                "volume_bytes", "per_hop_h", "processing_factor", "normalisation_k", "f_m", "f_r", "flight_slowdown"));
        LinkBudget d = LinkBudget.PAPER_DEFAULT;
        LinkBudget budget = new LinkBudget(c.number("bandwidth_hz", 1, 1e15, d.bandwidthHz()),
                c.number("power_w", 1e-6, 1e6, d.transmitPowerW()), c.number("gain_tx_dbi", -50, 200, d.transmitGainDbi()),
                c.number("gain_rx_dbi", -50, 200, d.receiveGainDbi()), c.number("noise_temperature_k", 1e-3, 1e5, d.noiseTemperatureK()),
                c.number("wavelength_m", 1e-9, 1, d.wavelengthM()));
        CostModel m = CostModel.PAPER_DEFAULT;
        CostModel model = new CostModel(c.number("processing_factor", 0, 1e6, m.processingFactor()),
                c.number("normalisation_k", 0, 1e6, m.normalisationK()), c.number("per_hop_h", 0, 1e6, m.perHopOverheadH()),
                c.number("volume_bytes", 0, 1e18, m.volumeBytes()), budget);
        return new CostSpec(model, c.number("f_m", 1e-6, 1e9, CostSpec.PAPER.mapCompression()),
                c.number("f_r", 1e-6, 1e9, CostSpec.PAPER.reductionFactor()), c.number("flight_slowdown", 0, 1e6, 1.0));
    }

    /** The compare keys only some of the paper's figures use, and which. */
    static final Map<String, List<String>> PAPER_COMPARE_KEYS = Map.of(
            "inclination_deg", List.of("routing-distance", "routing-hops"),
            "polar_protection", List.of("routing-distance", "routing-hops"),
            "f_r", List.of("reduction-factor"));

    static Compare compare(ScenarioNode c, String experiment) {
        if (c.isMissing()) {
            return new Compare(List.of("bipartite"), List.of("center"), List.of("distance-aware"), CostKind.EQ5);
        }
        c.requireObject(List.of("allocator", "reducer", "router", "cost", "inclination_deg", "polar_protection", "f_r"));
        for (String key : List.of("inclination_deg", "polar_protection", "f_r")) {
            List<String> users = PAPER_COMPARE_KEYS.get(key);
            if (c.has(key) && !users.contains(experiment)) {
                throw c.get(key).error("only the paper's " + String.join(" and ", users) + " figure" + (users.size() > 1 ? "s compare" : " compares")
                        + " it (this file's experiment is " + experiment + ")");
            }
        }
        List<Double> inclinations = c.has("inclination_deg") ? doubles(c.get("inclination_deg"), 0, 180) : List.of();
        List<Boolean> protection = new ArrayList<>();
        if (c.has("polar_protection")) {
            for (ScenarioNode item : nonEmpty(c.get("polar_protection"))) {
                if (!item.json().isBoolean()) {
                    throw item.error(ScenarioNode.describe(item.json()) + " is not true or false");
                }
                if (protection.contains(item.json().booleanValue())) {
                    throw item.error(item.json().booleanValue() + " is listed twice");
                }
                protection.add(item.json().booleanValue());
            }
        }
        List<Double> factors = c.has("f_r") ? doubles(c.get("f_r"), 1e-6, 1e9) : List.of();
        return new Compare(c.names("allocator", Allocators.NAMES, List.of("bipartite")),
                c.names("reducer", REDUCERS, List.of("center")), c.names("router", Routers.NAMES, List.of("distance-aware")),
                CostKind.parse(c.oneOf("cost", COST_KINDS, "eq5")), inclinations, protection, factors);
    }

    private static List<ScenarioNode> nonEmpty(ScenarioNode list) {
        List<ScenarioNode> items = list.elements();
        if (items.isEmpty()) {
            throw list.error("an empty list");
        }
        return items;
    }

    /** A non-empty list of distinct numbers in [min, max]. */
    private static List<Double> doubles(ScenarioNode list, double min, double max) {
        List<Double> out = new ArrayList<>();
        for (ScenarioNode item : nonEmpty(list)) {
            double v = item.asNumber(min, max);
            if (out.contains(v)) {
                throw item.error(ScenarioNode.fmt(v) + " is listed twice");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    static RouteOptions routing(ScenarioNode r) {
        if (r.isMissing()) {
            return new RouteOptions(0.0, PolarProtection.DEFAULT);
        }
        r.requireObject(List.of("polar_protection", "polar_limit_deg", "per_hop_s"));
        boolean protect = r.bool("polar_protection", true);
        double limit = r.number("polar_limit_deg", 0, 90, PolarProtection.DEFAULT_LIMIT_DEG);
        return new RouteOptions(r.number("per_hop_s", 0, 10, 0.0), new PolarProtection(protect, limit));
    }

    static SweepAxis sweep(ScenarioNode s, ObjectNode original) {
        if (!s.json().isObject() || s.json().isEmpty()) {
            throw s.error("expected a mapping of one dotted key path to its values, e.g. {constellation.walker.planes: [40, 56, 72]}");
        }
        List<String> keys = new ArrayList<>();
        List<List<Number>> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.json().fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            ScenarioNode v = s.get(key);
            checkSweepKey(v, key, original);
            List<Number> list = numbers(v);
            if (!values.isEmpty() && list.size() != values.get(0).size()) {
                throw v.error(list.size() + " values, but " + keys.get(0) + " has " + values.get(0).size()
                        + ": keys swept together need one value per point each");
            }
            keys.add(key);
            values.add(list);
        }
        return new SweepAxis(keys, values);
    }

    private static SweepAxis quickSweep(ScenarioNode q, SweepAxis sweep, ObjectNode original) {
        if (q.json().isArray()) {
            List<Number> list = numbers(q);
            List<List<Number>> values = new ArrayList<>();
            for (int k = 0; k < sweep.keys().size(); k++) {
                values.add(list);
            }
            return new SweepAxis(sweep.keys(), values);
        }
        SweepAxis axis = sweep(q, original);
        if (!axis.keys().equals(sweep.keys())) {
            throw q.error("sweeps " + axis.keys() + " but the sweep sweeps " + sweep.keys());
        }
        return axis;
    }

    private static void checkSweepKey(ScenarioNode v, String key, ObjectNode original) {
        String root = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        if (!TOP_KEYS.contains(root) || List.of("sweep", "quick", "name", "description", "experiment", "data_dir").contains(root)) {
            throw v.error("cannot be swept: give the dotted path of a numeric key, e.g. constellation.walker.planes");
        }
        int cut = key.lastIndexOf('.');
        JsonNode parent = cut < 0 ? original : original.at("/" + key.substring(0, cut).replace('.', '/'));
        if (!parent.isObject()) {
            throw v.error("no such key path in this scenario ('" + (cut < 0 ? "" : key.substring(0, cut)) + "' is not a mapping of it)");
        }
        JsonNode current = parent.get(key.substring(cut + 1));
        if (current != null && !current.isNumber()) {
            throw v.error("the key holds " + ScenarioNode.describe(current) + ", not a number: only numeric keys can be swept");
        }
    }

    private static List<Number> numbers(ScenarioNode v) {
        List<ScenarioNode> items = v.elements();
        if (items.isEmpty() || items.size() > MAX_SWEEP_POINTS) {
            throw v.error(items.size() + " values (allowed: 1 to " + MAX_SWEEP_POINTS + " numbers)");
        }
        List<Number> out = new ArrayList<>();
        for (ScenarioNode item : items) {
            JsonNode n = item.json();
            if (!n.isNumber()) {
                throw item.error(ScenarioNode.describe(n) + " is not a number");
            }
            out.add(n.isIntegralNumber() ? (Number) n.longValue() : (Number) n.doubleValue());
        }
        return out;
    }

    private static JsonNode numberNode(Number n) {
        if (n instanceof Long l) {
            return l == l.intValue() ? IntNode.valueOf(l.intValue()) : LongNode.valueOf(l);
        }
        return DoubleNode.valueOf(n.doubleValue());
    }
}
