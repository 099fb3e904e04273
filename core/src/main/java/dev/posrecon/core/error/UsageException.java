package dev.posrecon.core.error;

/** A request that makes no sense (exit code 2), found by core rather than by the option parser. */
public class UsageException extends ReconException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(ExitCodes.USAGE, message);
    }
}
