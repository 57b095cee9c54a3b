package io.spacecomp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spacecomp} command line: one program, one subcommand per job. Usage errors (unknown
 * flags, values out of range) exit with status 2 and a message naming the flag.
 */
@Command(name = "spacecomp",
        mixinStandardHelpOptions = true,
        versionProvider = SpaceComp.Version.class,
        description = "Space Collect-MapReduce Processing over LEO satellite constellations.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ShellCommand.class,
                RouteCommand.class,
                RouteStatsCommand.class,
                AssignCommand.class,
                RttCommand.class,
                TleInfoCommand.class,
                SimulateCommand.class,
                FailuresCommand.class,
                BenchCommand.class,
                ExperimentCommand.class,
                ReproduceCommand.class,
                PlaneCommand.class,
                GatewayCommand.class,
                EmulateCommand.class,
                ViewCommand.class,
                JobCommand.class,
                ListenCommand.class,
                FaultCommand.class,
                ConstellationCommand.class,
                FireMapCommand.class,
        })
public final class SpaceComp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plane")) {
            // A plane process builds only its own command: the whole tree (every subcommand and mixin reflected on)
            // costs ~0.3 s of CPU, half of a plane's start-up, and a constellation starts one process per plane.
            CommandLine plane = new CommandLine(new PlaneCommand());
            plane.setCommandName("spacecomp plane");
            plane.setExecutionExceptionHandler(new UsageErrors());
            System.exit(plane.execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new SpaceComp());
        cl.setExecutionExceptionHandler(new UsageErrors());
        return cl;
    }

    /** Turns a validation failure inside a command into a usage error (exit status 2). */
    static final class UsageErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
            if (ex instanceof IllegalArgumentException) {
                cl.getErr().println(cl.getColorScheme().errorText("error: " + ex.getMessage()));
                cl.usage(cl.getErr());
                return CommandLine.ExitCode.USAGE;
            }
            throw ex;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SpaceComp.class.getPackage().getImplementationVersion();
            return new String[] {"spacecomp " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
