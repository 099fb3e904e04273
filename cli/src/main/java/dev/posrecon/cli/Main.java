package dev.posrecon.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The executable's entry point: only calls {@link Cli#run} and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
