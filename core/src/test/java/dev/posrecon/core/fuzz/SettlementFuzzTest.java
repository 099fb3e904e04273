package dev.posrecon.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import dev.posrecon.core.model.SettlementRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement reader through each shipped settlement profile (one target each: fuzzing mode runs one target per
 * JVM) and through a user's own profile file (samples/own-profile: semicolons, decimal comma, a title line). The
 * checks are {@link ProfileRead}'s.
 */
class SettlementFuzzTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final ProfileRead.Layout CSV = new ProfileRead.Layout(StandardCharsets.UTF_8, ",", '"', 1);
    private static final Map<String, RecordReader<SettlementRecord>> READERS = new HashMap<>();

    @FuzzTest(maxDuration = "2h")
    void canonical(byte[] data) {
        check("canonical", CSV, data);
    }

    @FuzzTest(maxDuration = "2h")
    void wechatpayBill(byte[] data) {
        check("wechatpay-bill", CSV, data);
    }

    @FuzzTest(maxDuration = "2h")
    void alipayBill(byte[] data) {
        check("alipay-bill", new ProfileRead.Layout(GB18030, ",", '"', 1), data);
    }

    /** The fixed-width layout: one record per line, fields at character positions. */
    @FuzzTest(maxDuration = "2h")
    void fixedWidthAcquirer(byte[] data) {
        check("fixed-width-acquirer", new ProfileRead.Layout(GB18030, "", (char) 0, 0), data);
    }

    @FuzzTest(maxDuration = "2h")
    void adyenSettlementDetails(byte[] data) {
        check("adyen-settlement-details", CSV, data);
    }

    @FuzzTest(maxDuration = "2h")
    void stripePayoutReconciliation(byte[] data) {
        check("stripe-payout-reconciliation", CSV, data);
    }

    /** A profile file of the user's (not shipped): samples/own-profile/examplebank.properties. */
    @FuzzTest(maxDuration = "2h")
    void ownProfile(byte[] data) {
        check(ownProfilePath(), new ProfileRead.Layout(StandardCharsets.UTF_8, ";", '"', 1), data);
    }

    /** A new shipped settlement profile needs its own target here. */
    @Test
    void everyShippedSettlementProfileHasATarget() {
        Set<String> targets = new TreeSet<>();
        for (Method m : SettlementFuzzTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(FuzzTest.class)) {
                targets.add(m.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> settlement = new TreeSet<>();
        for (String p : SettlementReaders.shippedProfiles()) {
            if (SettlementReaders.describe(p).target().equals("settlement")) {
                settlement.add(p);
            }
        }
        assertThat(targets).containsAll(settlement);
    }

    private static void check(String profile, ProfileRead.Layout layout, byte[] data) {
        RecordReader<SettlementRecord> reader = READERS.computeIfAbsent(profile,
                p -> SettlementReaders.open(p, null, ReconConfig.defaults()));
        ProfileRead.checkSettlement(reader, layout, "settlement.csv", data);
    }

    private static String own;

    static synchronized String ownProfilePath() {
        if (own == null) {
            try (InputStream in = SettlementFuzzTest.class.getResourceAsStream("examplebank.properties")) {
                own = FuzzSupport.write("examplebank.properties", in.readAllBytes()).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return own;
    }
}
