package dev.posrecon.cli;

import dev.posrecon.core.error.ExitCodes;
import dev.posrecon.core.error.ReconException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The testable entry point: builds the command line, runs it and maps every outcome to an exit code in one place.
 */
@Command(name = "posrecon",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Reconciles a merchant's card-present payments: terminal log, acquirer settlement, receipt journal.",
        subcommands = {
                ReconcileCommand.class,
                InspectCommand.class,
                CasesCommand.class,
                AuditCommand.class,
                StatsCommand.class,
                ReceiptCommand.class,
                LedgerCommand.class,
                GenerateCommand.class,
                ProfilesCommand.class,
                CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:success, with new cases (only with --fail-on-cases)",
                "2:usage error",
                "3:unreadable or invalid input",
                "4:store or output error",
                "70:internal error (a bug: please report it with --verbose output)"
        })
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit-code list shared by every subcommand's --help. */
    static final Map<String, String> EXIT_CODES = new LinkedHashMap<>();

    static {
        EXIT_CODES.put("0", "success");
        EXIT_CODES.put("1", "success, with new cases (only with --fail-on-cases)");
        EXIT_CODES.put("2", "usage error");
        EXIT_CODES.put("3", "unreadable or invalid input");
        EXIT_CODES.put("4", "store or output error");
        EXIT_CODES.put("5", "out of memory: give Java a larger heap (-Xmx)");
        EXIT_CODES.put("70", "internal error (a bug)");
    }

    private Cli() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs posrecon with the given arguments.
     *
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        boolean verbose = Arrays.asList(args).contains("--verbose");
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("posrecon: " + ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ReconException re) {
                e.println("posrecon: " + re.getMessage());
                if (verbose) {
                    re.printStackTrace(e);
                }
                return re.exitCode();
            }
            e.println("posrecon: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(e);
            } else {
                e.println("Run again with --verbose for the stack trace, and please report it.");
            }
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError oom) {
            // what filled the heap is unreachable by now, so there is room to say so
            err.println("posrecon: out of memory: the inputs need more than the " + Runtime.getRuntime().maxMemory()
                    / (1024 * 1024) + " MB Java heap this run has. Run again with a larger heap: "
                    + "POSRECON_JAVA_OPTS=-Xmx4g scripts/posrecon ..., or java -Xmx4g -jar posrecon.jar ...");
            return ExitCodes.OUT_OF_MEMORY;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Reads the version from the jar manifest (or says it is a development build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"posrecon " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
