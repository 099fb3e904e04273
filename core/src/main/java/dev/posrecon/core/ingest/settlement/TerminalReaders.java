package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.TerminalRecord;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Terminal readers by profile, for terminals and registers that export CSV instead of jPOS logs: a
 * {@code target=terminal} profile maps the export's columns onto the fields of a terminal record, with the same
 * keys as a settlement profile (see {@code dev/posrecon/profiles/README.md}). Shipped terminal profiles are listed
 * with the settlement ones ({@link SettlementReaders#shippedProfiles()}).
 */
public final class TerminalReaders {
    private TerminalReaders() {
    }

    /**
     * @param profile  a shipped terminal profile name or a profile file with {@code target=terminal}
     * @param encoding the file encoding, or null to detect (a byte order mark, else the profile's, else UTF-8)
     * @throws dev.posrecon.core.error.InputException when the profile cannot be found, is invalid (naming the key)
     *                                                or is a settlement profile
     */
    public static RecordReader<TerminalRecord> open(String profile, Charset encoding, ReconConfig config) {
        return new TerminalProfileReader(SettlementReaders.load(profile, Profile.Target.TERMINAL), encoding, config);
    }

    /**
     * The shipped terminal profile that fits a file, judged by its header (see {@link SettlementReaders#detect}).
     *
     * @return the profile name, or empty when none fits
     */
    public static Optional<String> detect(Path file, Charset encoding) {
        return SettlementReaders.detect(file, encoding, Profile.Target.TERMINAL);
    }

    /** Whether a shipped profile name or profile file is a terminal profile ({@code target=terminal}). */
    public static boolean isTerminalProfile(String profile) {
        return SettlementReaders.load(profile).target == Profile.Target.TERMINAL;
    }
}
