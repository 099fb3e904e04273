package dev.posrecon.core;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

/**
 * What the reconcile-run suites share: the database under test (each concrete class is {@code @ParameterizedClass
 * @EnumSource(TestDb.class)}), a new ledger on it per test, the merchant's settings.
 */
abstract class LedgerRunFixture {
    @Parameter
    TestDb db;
    @TempDir
    Path dir;
    String url;
    ReconConfig config;

    /** The settlement lag of the suite's settings. */
    abstract int settlementLagDays();

    @BeforeEach
    void newLedger() {
        url = db.newLedger(dir);
        config = ReconConfig.builder().zone(java.time.ZoneId.of("Asia/Shanghai"))
                .settlementLagDays(settlementLagDays()).build();
    }
}
