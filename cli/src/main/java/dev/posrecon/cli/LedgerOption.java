package dev.posrecon.cli;

import dev.posrecon.core.store.Ledger;
import picocli.CommandLine.Option;

/**
 * The ledger a command reads or writes: {@code --db} (an H2 file path or a JDBC URL), else the H2 file in the
 * user's data directory.
 */
final class LedgerOption {

    @Option(names = "--db", paramLabel = "PATH|JDBC_URL",
            description = "Case ledger: an H2 file (out/ledger makes out/ledger.mv.db) or a JDBC URL. "
                    + "Default: H2 file under $XDG_DATA_HOME/posrecon (else ~/.local/share/posrecon).")
    String db;

    /** The ledger runs have written to; a missing H2 file is refused (exit 2), not created empty. */
    Ledger open() {
        return Ledger.openExisting(db);
    }
}
