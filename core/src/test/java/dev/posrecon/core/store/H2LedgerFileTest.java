package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.posrecon.core.store.Fixtures.DAY;
import static dev.posrecon.core.store.Fixtures.reconCase;
import static dev.posrecon.core.store.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only an H2 ledger file has: the default path, {@code --db PATH}, and one process at a time holding the file
 * (a second process is refused with who holds it). The rest of the ledger suite runs on H2 and PostgreSQL alike.
 */
class H2LedgerFileTest {
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dir;

    private String url() {
        return TestDb.H2.newLedger(dir);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void runWith(Ledger ledger, Instant at, dev.posrecon.core.cases.ReconCase c) {
        try (LedgerRun run = ledger.beginRun("cron", "--date " + DAY, at)) {
            run.syncCases(List.of(c), Set.of(DAY), at);
            run.finish("OK", "{}");
            run.commit();
        }
    }

    private static List<String> ids(List<StoredCase> cases) {
        return cases.stream().map(StoredCase::caseId).toList();
    }

    @Test
    void defaultUrlIsAnH2FileUnderTheDataDirectory() {
        assertThat(Ledger.defaultUrl()).startsWith("jdbc:h2:file:").endsWith("posrecon/ledger");
        assertThat(Ledger.url(null)).isEqualTo(Ledger.defaultUrl());
        assertThat(Ledger.url(" ")).isEqualTo(Ledger.defaultUrl());
    }

    @Test
    void aPlainPathIsAnH2LedgerFileAndAJdbcUrlIsKept() throws Exception {
        assertThat(Ledger.url("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Ledger.url("JDBC:postgresql://db/posrecon")).isEqualTo("JDBC:postgresql://db/posrecon");
        String plain = Ledger.url(dir.resolve("plain").toString());
        assertThat(plain).isEqualTo("jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath());
        assertThat(Ledger.url(dir.resolve("plain.mv.db").toString())).isEqualTo(plain);
        assertThat(Ledger.url("rel/../ledger")).isEqualTo("jdbc:h2:file:" + Path.of("ledger").toAbsolutePath());

        try (Ledger ledger = Ledger.open(dir.resolve("plain").toString())) {
            assertThat(ledger.url()).isEqualTo(plain);
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
        }
        assertThat(dir.resolve("plain.mv.db")).exists();
        try (Ledger again = Ledger.open(dir.resolve("plain.mv.db").toString())) {
            assertThat(again.listCases(CaseFilter.all())).extracting(StoredCase::caseId).containsExactly("C-A");
        }
    }

    @Test
    void aRunKilledMidWayLeavesThePreviousStateAndNoLock() throws Exception {
        try (Ledger ledger = Ledger.open(url())) {
            runWith(ledger, T0, reconCase("C-A", CaseType.OVER_CHARGE, 1000, DAY, "T1"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingRun.class.getName(), url()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("READY");
            // while the child holds the database file, another process is refused with who holds it
            assertThatThrownBy(() -> Ledger.open(url()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another posrecon run holds the ledger since")
                    .hasMessageContaining("by crasher)");
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        try (Ledger ledger = Ledger.open(url())) {
            assertThat(ids(ledger.listCases(CaseFilter.all()))).containsExactly("C-A");
            assertThat(ledger.findCase("C-A").orElseThrow().lastSeenRun()).isEqualTo(1);
            try (LedgerRun run = ledger.beginRun("after", "", T0.plusSeconds(600))) {
                assertThat(run.openItems().terminal()).isEmpty();
                run.commit();
            }
        }
        assertThat(count("SELECT COUNT(*) FROM terminal_records")).isZero();
        assertThat(count("SELECT COUNT(*) FROM runs WHERE actor = 'crasher'")).isZero();
    }

    /** The child JVM of the crash test: a big run that never commits, then waits to be killed. */
    public static final class CrashingRun {
        public static void main(String[] args) throws Exception {
            Ledger ledger = Ledger.open(args[0]);
            LedgerRun run = ledger.beginRun("crasher", "", Instant.now());
            List<TerminalRecord> many = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                many.add(sale("big.xml", i, "T1", "" + i, "" + i, 100 + i, DAY.atTime(10, 0)));
            }
            run.saveRecords(many, List.of(), List.of(), r -> "OPEN");
            run.syncCases(List.of(reconCase("C-A", CaseType.OVER_CHARGE, 999, DAY, "T9"),
                    reconCase("C-NEW", CaseType.OVER_CHARGE, 1, DAY, "T9")), Set.of(DAY), Instant.now());
            try (Statement st = DriverManager.getConnection(args[0]).createStatement()) {
                st.execute("CHECKPOINT");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

}
