package dev.posrecon.cli;

import dev.posrecon.core.ingest.settlement.ProfileInfo;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code posrecon profiles}: the shipped profiles (settlement layouts, and terminal CSV exports marked as terminal
 * profiles); {@code profiles show NAME} prints one.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List the shipped profiles: acquirer settlement layouts (reconcile --profile) and terminal CSV "
                + "exports (reconcile --terminal-profile).",
                "Write your own from one of them: posrecon profiles show NAME > mine.properties"})
final class ProfilesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 0;
        for (String name : SettlementReaders.shippedProfiles()) {
            width = Math.max(width, name.length());
        }
        for (String name : SettlementReaders.shippedProfiles()) {
            ProfileInfo p = SettlementReaders.describe(name);
            out.printf("%-" + width + "s  %-11s  %s%s%n", p.name(), p.format(), p.description(),
                    "terminal".equals(p.target()) ? " [terminal profile: reconcile --terminal-profile " + p.name() + "]"
                            : "");
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a profile file: a shipped profile by name, or a profile file to check it.")
    int show(@Parameters(paramLabel = "NAME|FILE", description = "Shipped profile name or profile file.") String name) {
        SettlementReaders.describe(name); // a user's file is checked: a bad key fails here, naming it
        PrintWriter out = spec.commandLine().getOut();
        String text = SettlementReaders.profileText(name);
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
        return 0;
    }
}
