package dev.posrecon.cli;

import dev.posrecon.core.store.Ledger;
import dev.posrecon.core.store.LedgerAccess;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The ledger a command reads or writes: {@code --db} (an H2 file path or a JDBC URL), else the H2 file in the
 * user's data directory; and how to log in to a PostgreSQL ledger, never with a password on the command line.
 */
final class LedgerOption {

    @Option(names = "--db", paramLabel = "PATH|JDBC_URL",
            description = "Case ledger: an H2 file (out/ledger makes out/ledger.mv.db) or a JDBC URL "
                    + "(jdbc:postgresql://host/db for a team's shared ledger; never with a password in it). "
                    + "Default: H2 file under $XDG_DATA_HOME/posrecon (else ~/.local/share/posrecon).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "Log in to the ledger as USER (a user= in the URL wins). Default: $PGUSER, else the OS user.")
    String user;

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Read the ledger password from environment variable VAR. Default: $PGPASSWORD, else "
                    + "~/.pgpass ($PGPASSFILE).")
    String passwordEnv;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Read the ledger password from the first line of FILE (keep it mode 600).")
    Path passwordFile;

    /** The ledger and credentials these options name. */
    LedgerAccess access() {
        return access(Duration.ZERO, null);
    }

    /** The same, a run waiting up to {@code wait} for another run, telling {@code onWait} when it starts to. */
    LedgerAccess access(Duration wait, java.util.function.Consumer<String> onWait) {
        return LedgerAccess.resolve(db, user, passwordEnv, passwordFile, wait, onWait, System.getenv());
    }

    /** The ledger runs have written to; a missing H2 file (or an empty database) is refused (exit 2). */
    Ledger open() {
        return Ledger.openExisting(access());
    }
}
