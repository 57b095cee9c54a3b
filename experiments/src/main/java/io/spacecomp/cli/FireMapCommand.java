package io.spacecomp.cli;

import io.spacecomp.experiments.study.ScenarioJobs;
import io.spacecomp.experiments.wildfire.FireMap;
import io.spacecomp.protocol.JobOutcome;
import io.spacecomp.protocol.MessageSize;
import io.spacecomp.scenario.Scenario;
import io.spacecomp.sim.Simulation;
import io.spacecomp.tasks.TaskRegistry;
import io.spacecomp.tasks.builtin.wildfire.FireAlertsReducer;
import io.spacecomp.tasks.builtin.wildfire.WildfireJob;
import io.spacecomp.tasks.builtin.wildfire.WildfireScene;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws a wildfire job: the scenario's scene (planted fires, clouds, hot surfaces) and the alerts of its job 1,
 * simulated, or those of an {@code alerts.geojson} an emulated job gave.
 */
@Command(name = "firemap", mixinStandardHelpOptions = true,
        description = "Map of a wildfire job: planted fires, clouds, hot surfaces and the alerts raised (PNG and SVG).")
final class FireMapCommand implements Runnable {

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "scenarios/examples/wildfire.yaml",
            description = "A scenario whose job runs thermaltiles/firedetect/firealerts (default: ${DEFAULT-VALUE}).")
    Path scenario;

    @Option(names = "--alerts", paramLabel = "FILE",
            description = "Draw this alerts.geojson (e.g. from 'job -i ID -f alerts.geojson') instead of simulating job 1.")
    Path alerts;

    @Option(names = "--out", paramLabel = "PNG", defaultValue = "wildfire-alerts.png",
            description = "The picture; an SVG is written beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path file = scenario.isAbsolute() || Files.exists(scenario) ? scenario : Home.root().resolve(scenario);
        Scenario s = StudyCommandSupport.read(file).base();
        WildfireScene scene = new WildfireScene(WildfireJob.of(s.job().data()));
        List<FireAlertsReducer.Alert> raised;
        String source;
        try {
            if (alerts != null) {
                raised = FireAlertsReducer.read(Files.readAllBytes(alerts));
                source = alerts.getFileName().toString();
            } else {
                ScenarioJobs.Plan plan = ScenarioJobs.plan(s, s.compare().strategies().get(0), 1, TaskRegistry.discover(),
                        Home.dataDir(), 0.0);
                Simulation sim = new Simulation(plan.config());
                ScenarioJobs.Submission job = plan.jobs().get(0);
                sim.submit(job.spec(), job.los(), job.atS());
                JobOutcome o = sim.run().get(0);
                if (!o.done()) {
                    throw new IllegalStateException("the wildfire job failed: " + o.error());
                }
                raised = FireAlertsReducer.read(o.result().attachment().bytes());
                long collected = o.result().value().get("bytes_collected").asLong();
                source = String.format(Locale.ROOT, "simulated; %.1f MB collected, %.1f kB downlinked", collected / 1e6,
                        MessageSize.record(o.result()) / 1e3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long detectable = scene.fires().stream().filter(WildfireScene.Fire::detectable).count();
        String title = String.format(Locale.ROOT, "%s: %d fires planted (%d detectable), %d alerts (%s)", s.name(),
                scene.fires().size(), detectable, raised.size(), source);
        FireMap.write(FireMap.chart(scene, raised, title), out);
        PrintWriter w = spec.commandLine().getOut();
        w.println(title);
        w.println("wrote " + out);
        w.flush();
    }
}
