package dev.posrecon.cli;

import dev.posrecon.core.inspect.InspectReport;
import dev.posrecon.core.inspect.Inspector;
import dev.posrecon.core.model.Reject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Tell what format a file is, how many records it holds and what would be rejected.")
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "File(s) to inspect.")
    List<Path> files;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Settlement profile to try (default: detect).")
    String profile;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "File encoding (default: detect).")
    Charset encoding;

    @Option(names = "--max-rejects", paramLabel = "N", description = "Rejects to list per file (default: 20).")
    int maxRejects = 20;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            InspectReport r = Inspector.inspect(f, profile, encoding, configOptions.load());
            out.printf("%s: %s%n", r.file(), r.format());
            out.printf("  records: %d, ignored: %d, rejected: %d%n", r.records(), r.ignored(), r.rejects().size());
            for (String n : r.notes()) {
                out.println("  " + n);
            }
            int shown = 0;
            for (Reject rej : r.rejects()) {
                if (shown++ >= maxRejects) {
                    out.printf("  ... and %d more%n", r.rejects().size() - maxRejects);
                    break;
                }
                out.println("  reject " + rej);
            }
        }
        return 0;
    }
}
