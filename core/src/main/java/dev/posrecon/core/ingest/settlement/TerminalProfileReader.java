package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.config.KindMapping;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

/**
 * Reads a terminal's or register's CSV export through a {@code target=terminal} {@link Profile}: one row is one
 * transaction, request and response together. The kind comes from the kind column (through {@code type.map.*}),
 * else from the MTI and processing code (through the configured kind mapping, as for jPOS logs), else from
 * {@code type.default}. Approved means the response code is in the configured approved list; a row with no
 * response code timed out. The card number is masked as soon as it is read.
 */
final class TerminalProfileReader implements RecordReader<TerminalRecord> {

    private final Profile profile;
    private final Charset encoding;
    private final ReconConfig config;

    TerminalProfileReader(Profile profile, Charset encoding, ReconConfig config) {
        this.profile = profile;
        this.encoding = encoding;
        this.config = config;
    }

    @Override
    public ReadResult<TerminalRecord> read(Path file, String displayName) {
        return Cells.read(profile, encoding, config, file, displayName, TerminalProfileReader::map);
    }

    /** @return the record, or null when the row is not a transaction (ignored kind, network management) */
    private static TerminalRecord map(Cells cells, RowStream.Row row, SourceRef ref) {
        String[] v = row.values();
        String mti = cells.text(v, TerminalColumn.MTI, null);
        String proc = cells.text(v, TerminalColumn.PROCESSING_CODE, null);
        TxnKind kind;
        List<Profile.Source> kindSrc = cells.profile().columns.get(TerminalColumn.KIND);
        String kindText = kindSrc == null ? null : cells.value(v, kindSrc.get(0));
        if (kindText != null) {
            kind = cells.kindOf(kindText, TerminalColumn.KIND, kindSrc.get(0));
            if (kind == null) {
                return null;
            }
        } else if (mti != null) {
            KindMapping mapping = cells.config().kindMapping();
            if (mapping.isIgnored(mti, proc)) {
                return null;
            }
            kind = mapping.kindOf(mti, proc);
            if (kind == null) {
                List<Profile.Source> s = cells.sources(TerminalColumn.MTI, null);
                throw cells.problem(TerminalColumn.MTI, s == null ? null : s.get(0), "no transaction kind for MTI '"
                        + mti + "' with processing code '" + proc + "' (map it with kind.CLASS.PROC in the settings)");
            }
        } else if (cells.profile().typeDefault != null) {
            kind = cells.profile().typeDefault;
        } else {
            throw cells.problem(kindSrc != null ? TerminalColumn.KIND : TerminalColumn.MTI,
                    kindSrc != null ? kindSrc.get(0) : null, "empty");
        }

        Currency currency = ProfileReader.currency(cells, v, kind);
        List<Profile.Source> amountSrc = cells.sources(TerminalColumn.AMOUNT, kind);
        Long amount = cells.money(v, amountSrc, TerminalColumn.AMOUNT, currency);
        if (amount == null) {
            throw cells.problem(TerminalColumn.AMOUNT, amountSrc.get(0), "empty");
        }
        String rc = cells.text(v, TerminalColumn.RESPONSE_CODE, kind);
        return new TerminalRecord(ref,
                rc == null ? null : ref,
                mti,
                kind,
                proc,
                cells.text(v, TerminalColumn.TERMINAL_ID, kind),
                cells.text(v, TerminalColumn.MERCHANT_ID, kind),
                cells.text(v, TerminalColumn.STAN, kind),
                cells.text(v, TerminalColumn.RRN, kind),
                cells.text(v, TerminalColumn.AUTH_CODE, kind),
                rc,
                rc != null && cells.config().isApproved(rc),
                Money.of(Math.abs(amount), currency),
                Cards.mask(cells.text(v, TerminalColumn.CARD, kind)),
                cells.dateTime(v, TerminalColumn.LOCAL_TIME, kind),
                cells.text(v, TerminalColumn.ORIGINAL_MTI, kind),
                cells.text(v, TerminalColumn.ORIGINAL_STAN, kind));
    }
}
