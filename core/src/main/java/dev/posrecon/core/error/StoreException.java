package dev.posrecon.core.error;

/** The ledger or the output directory failed (exit code 4). */
public class StoreException extends ReconException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(ExitCodes.STORE_OR_OUTPUT, message);
    }

    public StoreException(String message, Throwable cause) {
        super(ExitCodes.STORE_OR_OUTPUT, message, cause);
    }
}
