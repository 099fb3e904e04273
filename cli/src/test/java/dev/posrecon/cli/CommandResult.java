package dev.posrecon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome of one posrecon invocation, with small fluent assertions (after jbang's CommandResultAssert). */
final class CommandResult {
    final int exitCode;
    final String out;
    final String err;

    private CommandResult(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CommandResult run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new PrintWriter(o), new PrintWriter(e), args);
        return new CommandResult(code, o.toString(), e.toString());
    }

    CommandResult succeeded() {
        assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
        return this;
    }

    CommandResult exitedWith(int code) {
        assertThat(exitCode).as("exit code; stdout: %s; stderr: %s", out, err).isEqualTo(code);
        return this;
    }

    CommandResult outContains(String s) {
        assertThat(out).contains(s);
        return this;
    }

    CommandResult errContains(String s) {
        assertThat(err).contains(s);
        return this;
    }

    CommandResult errIsOneLineWithoutStackTrace() {
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err.strip().lines().count()).as("stderr lines: %s", err).isLessThanOrEqualTo(2);
        return this;
    }

    CommandResult outIsEmpty() {
        assertThat(out).isEmpty();
        return this;
    }
}
