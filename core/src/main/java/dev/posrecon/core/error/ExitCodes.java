package dev.posrecon.core.error;

/** posrecon's exit codes, in one place. The CLI lists them in {@code --help}. */
public final class ExitCodes {
    /** success. */
    public static final int OK = 0;
    /** success, and new cases were found while {@code --fail-on-cases} was set. */
    public static final int NEW_CASES = 1;
    /** usage error: an unknown option, a missing argument, a bad value. */
    public static final int USAGE = 2;
    /** an input file is missing, unreadable or not in the expected format. */
    public static final int BAD_INPUT = 3;
    /** the store (ledger) or the output directory failed. */
    public static final int STORE_OR_OUTPUT = 4;
    /** the Java heap was too small for the inputs: run again with more ({@code -Xmx}). */
    public static final int OUT_OF_MEMORY = 5;
    /** an internal error: a bug in posrecon. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
