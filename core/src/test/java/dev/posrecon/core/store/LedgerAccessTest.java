package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.ReconException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.reconCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credentials of a PostgreSQL ledger, on the real server (every role but the superuser must give its password):
 * never on the command line; PGUSER / PGPASSWORD, ~/.pgpass, or --db-user with the password from an environment
 * variable or a file.
 */
class LedgerAccessTest {
    private static final String SECRET = "s3cret-Pw";

    @TempDir
    Path dir;

    private static LedgerAccess resolve(String url, String user, String env, Path file, Map<String, String> envMap) {
        return LedgerAccess.resolve(url, user, env, file, Duration.ZERO, null, envMap);
    }

    /** Opens the ledger (creating it), stores one case, reads it back: the login worked. */
    private static void roundTrip(LedgerAccess access) {
        try (Ledger ledger = Ledger.open(access)) {
            try (LedgerRun run = ledger.beginRun("cron", "", Instant.now())) {
                run.syncCases(List.of(reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1")), Set.of(DAY),
                        Instant.now());
                run.commit();
            }
            assertThat(ledger.listCases(CaseFilter.all())).extracting(StoredCase::caseId).containsExactly("C-A");
        }
    }

    @Test
    void aUrlHoldingAPasswordIsRefusedWithoutEchoingIt() {
        for (String url : List.of("jdbc:postgresql://db.example/ledger?user=batch&password=" + SECRET,
                "jdbc:postgresql://db.example/ledger?PASSWORD=" + SECRET,
                "jdbc:postgresql://batch:" + SECRET + "@db.example/ledger",
                "jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=" + SECRET)) {
            assertThatThrownBy(() -> LedgerAccess.of(url)).as(url)
                    .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageStartingWith("--db: the URL holds a password")
                    .hasMessageContaining("PGPASSWORD, ~/.pgpass, or --db-user with --db-password-env VAR or"
                            + " --db-password-file FILE")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
        // a user in the URL is no secret
        assertThat(LedgerAccess.of("jdbc:postgresql://db.example/ledger?user=batch").url())
                .isEqualTo("jdbc:postgresql://db.example/ledger?user=batch");
    }

    @Test
    void pgUserAndPgPasswordFromTheEnvironmentLogIn() {
        PgServer pg = PgServer.shared();
        String role = pg.newDatabaseOwnedBy(SECRET);
        roundTrip(resolve(pg.bareUrl(role), null, null, null, Map.of("PGUSER", role, "PGPASSWORD", SECRET)));
    }

    @Test
    void theDbUserWithAPasswordFromAVariableOrAFileLogsIn() throws Exception {
        PgServer pg = PgServer.shared();
        String role = pg.newDatabaseOwnedBy(SECRET);
        Path file = Files.writeString(dir.resolve("ledger.pw"), SECRET + "\n");
        // --db-user wins over PGUSER; the named variable and the file over PGPASSWORD
        Map<String, String> env = Map.of("PGUSER", "nobody_here", "PGPASSWORD", "wrong", "LEDGER_PW", SECRET);
        roundTrip(resolve(pg.bareUrl(role), role, "LEDGER_PW", null, env));
        roundTrip(resolve(pg.bareUrl(role), role, null, file, env));
    }

    @Test
    void thePgpassFileIsReadByTheDriver() throws Exception {
        PgServer pg = PgServer.shared();
        String role = pg.newDatabaseOwnedBy(SECRET);
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "localhost:" + pg.port() + ":" + role + ":" + role
                + ":" + SECRET + "\n");
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            roundTrip(resolve(pg.bareUrl(role), role, null, null, Map.of()));
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void aWrongPasswordIsOneStoreErrorThatDoesNotShowThePassword() {
        PgServer pg = PgServer.shared();
        String role = pg.newDatabaseOwnedBy(SECRET);
        LedgerAccess wrong = resolve(pg.bareUrl(role), role, null, null, Map.of("PGPASSWORD", "not-" + SECRET));
        assertThat(wrong.toString()).doesNotContain(SECRET).contains("password=***");
        assertThatThrownBy(() -> Ledger.open(wrong))
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
                .hasMessageStartingWith("cannot open the ledger " + pg.bareUrl(role))
                .hasMessageContaining("password authentication failed for user \"" + role + "\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n"));
    }

    @Test
    void aPasswordSourceThatGivesNothingIsRefused() {
        assertThatThrownBy(() -> resolve("jdbc:postgresql://h/db", "u", "NO_SUCH_VAR", null, Map.of()))
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--db-password-env NO_SUCH_VAR: the environment has no variable NO_SUCH_VAR (or it is"
                        + " empty)");
        assertThatThrownBy(() -> resolve("jdbc:postgresql://h/db", "u", null, dir.resolve("missing.pw"), Map.of()))
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessageContaining("missing.pw").hasMessageContaining("--db-password-file: cannot read it");
        assertThatThrownBy(() -> resolve("jdbc:postgresql://h/db", "u", "V", dir.resolve("x"), Map.of("V", "p")))
                .isInstanceOfSatisfying(ReconException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }
}
