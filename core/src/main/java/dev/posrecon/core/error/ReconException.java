package dev.posrecon.core.error;

/** The root of posrecon's unchecked exceptions. Each carries the exit code the CLI must return for it. */
public class ReconException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ReconException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ReconException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
