package dev.posrecon.core;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.store.LedgerAccess;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything one {@code reconcile} run needs, immutable.
 *
 * @param profile        settlement profile name or file, null for {@code canonical}
 * @param terminalProfile terminal profile ({@code target=terminal}) name or file for terminal files that are CSV
 *                       exports rather than jPOS logs; null: jPOS logs, and a file that is not one is read by the
 *                       shipped terminal profile that fits it
 * @param encoding       settlement file encoding, null to detect
 * @param date           the business day to report, null for every day found in the inputs
 * @param formats        output formats: {@code csv}, {@code json}
 * @param dbUrl          JDBC URL of the ledger, null for the default file under the user's data directory
 * @param noDb           no ledger: the files given are all there is
 * @param reload         load files already loaded (same SHA-256) again
 * @param redactContacts mask every contact detail in case files
 * @param threads        parse threads (1 = sequential); the output never depends on it
 * @param actor          who runs it (for the ledger), e.g. the OS user
 * @param ledger         the ledger with its credentials and lock wait ({@code --db} and its options); null for
 *                       {@code dbUrl} with the credentials of the environment and no wait
 */
public record ReconRequest(
        List<Path> terminalLogs,
        List<Path> settlements,
        List<Path> journals,
        List<Path> customers,
        String profile,
        String terminalProfile,
        Charset encoding,
        LocalDate date,
        ReconConfig config,
        Path outDir,
        Set<String> formats,
        String dbUrl,
        boolean noDb,
        boolean reload,
        boolean redactContacts,
        int threads,
        String actor,
        LedgerAccess ledger) {

    public ReconRequest {
        ledger = ledger != null || noDb ? ledger : LedgerAccess.of(dbUrl);
        terminalLogs = List.copyOf(terminalLogs);
        settlements = List.copyOf(settlements);
        journals = List.copyOf(journals);
        customers = List.copyOf(customers);
        formats = Set.copyOf(formats);
    }

    /** A request whose ledger is {@code dbUrl} with the credentials of the environment. */
    public ReconRequest(List<Path> terminalLogs, List<Path> settlements, List<Path> journals, List<Path> customers,
                        String profile, String terminalProfile, Charset encoding, LocalDate date, ReconConfig config,
                        Path outDir, Set<String> formats, String dbUrl, boolean noDb, boolean reload,
                        boolean redactContacts, int threads, String actor) {
        this(terminalLogs, settlements, journals, customers, profile, terminalProfile, encoding, date, config, outDir,
                formats, dbUrl, noDb, reload, redactContacts, threads, actor, null);
    }
}
