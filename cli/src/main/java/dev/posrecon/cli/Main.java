package dev.posrecon.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The executable's entry point: sets JVM-wide defaults, calls {@link Cli#run} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // H2 keeps a cache of recently made values to share equal ones; loading a million receipts into the ledger
        // it is pure overhead (measured: ~15% of storing and committing a 1M-transaction day). Before H2 loads.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
