package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.SettlementRecord;

import java.nio.charset.Charset;

/** Settlement readers by profile. (stub: being written) */
public final class SettlementReaders {
    private SettlementReaders() {
    }

    /**
     * @param profile  a shipped profile name, a profile file path, or null for {@code canonical}
     * @param encoding the file encoding, or null to detect (BOM, else UTF-8, else the profile's)
     */
    public static RecordReader<SettlementRecord> open(String profile, Charset encoding, ReconConfig config) {
        throw new UnsupportedOperationException("not yet");
    }
}
