package dev.posrecon.core.store;

import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SourceRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matched receipts folded into blocks (ledger schema 4): a receipt a run MATCHED never changes again, so instead of a
 * row with five index entries each it is one of up to {@link #MAX_RECEIPTS} receipts of one file, business day,
 * store and register, kept in input order as one text ({@code receipt_block_bodies.body}), beside a small row
 * ({@code receipt_blocks}) with what narrows a look-up: the day, the smallest and largest receipt number, and the
 * smallest and largest RRN of any of the receipts' tenders.
 *
 * <p>The text is in {@link TenderText}'s encoding: receipts separated by U+001E, fields by U+001F, twelve fields per
 * receipt: line, receipt number, cashier, time (ISO local date-time), kind, total (minor units), currency, original
 * receipt, member, phone, e-mail, and the receipt's tenders as {@link TenderText} encodes them (escaped again as a
 * field). The file, day, store and register are the block's.
 */
final class ReceiptBlocks {
    /** Receipts in a block at most. */
    static final int MAX_RECEIPTS = 64;
    /** Characters of a block's text at most; a receipt that alone is longer is kept as a row. */
    static final int MAX_CHARS = 1 << 15;
    private static final int FIELDS = 12;
    private static final String INSERT_BLOCK = "INSERT INTO receipt_blocks (run_id, file_sha256, file_name,"
            + " business_date, store_id, register_id, receipt_count, first_line, last_line, receipt_no_min,"
            + " receipt_no_max, rrn_min, rrn_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BODY = "INSERT INTO receipt_block_bodies (block_id, body) VALUES (?, ?)";
    /** Blocks stored per JDBC batch. */
    private static final int BATCH = 256;

    private ReceiptBlocks() {
    }

    /** What a block's receipts share. */
    private record Group(String sha, String file, LocalDate day, String store, String register) {
    }

    /** A block being filled. */
    private static final class Block {
        final Group group;
        final StringBuilder body = new StringBuilder(1024);
        int count;
        long firstLine;
        long lastLine;
        /** The least and greatest receipt numbers as {@link Ids} codes (their texts' order): texts made once. */
        long noMin = Ids.NONE;
        long noMax = Ids.NONE;
        String rrnMin;
        String rrnMax;

        Block(Group group) {
            this.group = group;
        }

        void add(CharSequence encoded, Receipt r, List<TenderText.Stored> tenders) {
            if (count > 0) {
                body.append(TenderText.TENDER);
            }
            body.append(encoded);
            long line = r.line();
            firstLine = count == 0 ? line : Math.min(firstLine, line);
            lastLine = count == 0 ? line : Math.max(lastLine, line);
            count++;
            long no = r.receiptKey();
            if (no != Ids.NONE) {
                if (noMin == Ids.NONE || Ids.compare(no, noMin, false) < 0) {
                    noMin = no;
                }
                if (noMax == Ids.NONE || Ids.compare(no, noMax, false) > 0) {
                    noMax = no;
                }
            }
            for (TenderText.Stored t : tenders) {
                if (t.rrn() != null) {
                    rrnMin = min(rrnMin, t.rrn());
                    rrnMax = max(rrnMax, t.rrn());
                }
            }
        }

        private static String min(String a, String b) {
            return a == null || b.compareTo(a) < 0 ? b : a;
        }

        private static String max(String a, String b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }
    }

    /**
     * Collects a run's matched receipts into blocks and stores them in batches on the run's connection (inside its
     * transaction). Which receipts share a block depends only on the order they are added in.
     */
    static final class Writer {
        private final Connection c;
        private final long runId;
        private final Map<Group, Block> open = new LinkedHashMap<>();
        private final List<Block> full = new ArrayList<>();

        Writer(Connection c, long runId) {
            this.c = c;
            this.runId = runId;
        }

        /**
         * Adds a matched receipt; false when it alone is longer than {@link #MAX_CHARS} (store it as a row).
         *
         * @param encoded what {@link #encode encode(sb, r, tenders)} appends (made on the thread that prepares
         *                receipts)
         * @param tenders its tenders as stored
         */
        boolean addEncoded(CharSequence encoded, Receipt r, List<TenderText.Stored> tenders, String sha,
                           LocalDate day) throws SQLException {
            if (encoded.length() > MAX_CHARS) {
                return false;
            }
            Group g = new Group(sha, r.ref().file(), day, r.storeId(), r.registerId());
            Block b = open.get(g);
            if (b != null && b.body.length() + 1 + encoded.length() > MAX_CHARS) {
                close(g, b);
                b = null;
            }
            if (b == null) {
                b = new Block(g);
                open.put(g, b);
            }
            b.add(encoded, r, tenders);
            if (b.count >= MAX_RECEIPTS) {
                close(g, b);
            }
            return true;
        }

        /** Stores the blocks still being filled, in the order they were begun. */
        void finish() throws SQLException {
            for (Block b : open.values()) {
                full.add(b);
            }
            open.clear();
            store();
        }

        private void close(Group g, Block b) throws SQLException {
            open.remove(g);
            full.add(b);
            if (full.size() >= BATCH) {
                store();
            }
        }

        private void store() throws SQLException {
            if (full.isEmpty()) {
                return;
            }
            List<Long> ids = new ArrayList<>(full.size());
            try (PreparedStatement ps = c.prepareStatement(INSERT_BLOCK, new String[] {"id"})) {
                for (Block b : full) {
                    ps.setLong(1, runId);
                    Db.str(ps, 2, b.group.sha());
                    ps.setString(3, b.group.file());
                    Db.date(ps, 4, b.group.day());
                    Db.str(ps, 5, b.group.store());
                    Db.str(ps, 6, b.group.register());
                    ps.setInt(7, b.count);
                    ps.setLong(8, b.firstLine);
                    ps.setLong(9, b.lastLine);
                    Db.str(ps, 10, Ids.text(b.noMin));
                    Db.str(ps, 11, Ids.text(b.noMax));
                    Db.str(ps, 12, b.rrnMin);
                    Db.str(ps, 13, b.rrnMax);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != full.size()) {
                throw new StoreException("the ledger gave " + ids.size() + " ids for " + full.size()
                        + " receipt blocks");
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_BODY)) {
                for (int i = 0; i < full.size(); i++) {
                    ps.setLong(1, ids.get(i));
                    ps.setString(2, full.get(i).body.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            full.clear();
        }
    }

    /** Appends one receipt's fields (see the class comment). */
    static void encode(StringBuilder sb, Receipt r, List<TenderText.Stored> tenders) {
        TenderText.field(sb, Long.toString(r.ref().line()));
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.receiptNo());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.cashierId());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.time() == null ? null : r.time().toString());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, Db.name(r.kind()));
        sb.append(TenderText.FIELD);
        Long total = Db.minor(r.total());
        TenderText.field(sb, total == null ? null : total.toString());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, Db.code(r.total()));
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.originalReceiptNo());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.memberId());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.customerPhone());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, r.customerEmail());
        sb.append(TenderText.FIELD);
        TenderText.field(sb, tenders.isEmpty() ? null : TenderText.encode(tenders));
    }

    /** A stored block's row, as {@link #decode} needs it. */
    record Header(long runId, String file, LocalDate day, String store, String register) {
        static Header of(ResultSet rs) throws SQLException {
            return new Header(rs.getLong("run_id"), rs.getString("file_name"), Db.date(rs, "business_date"),
                    rs.getString("store_id"), rs.getString("register_id"));
        }
    }

    /** The receipts of a block's text, in their order. */
    static List<StoredReceipt> decode(Header h, String body) {
        List<StoredReceipt> out = new ArrayList<>();
        for (List<String> f : TenderText.split(body, "a block of receipts")) {
            if (f.size() != FIELDS) {
                throw new StoreException("the ledger holds a block of receipts in an unknown form (" + f.size()
                        + " fields, expected " + FIELDS + ")");
            }
            try {
                out.add(new StoredReceipt(new SourceRef(h.file(), Long.parseLong(f.get(0))), h.runId(), h.day(),
                        f.get(1), h.store(), h.register(), f.get(2),
                        f.get(3) == null ? null : LocalDateTime.parse(f.get(3)), f.get(4),
                        Db.money(f.get(5) == null ? null : Long.valueOf(f.get(5)), f.get(6), "a block of receipts"),
                        f.get(7), f.get(8), f.get(9), f.get(10), TenderText.decode(f.get(11))));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new StoreException("the ledger holds a block of receipts in an unknown form: " + e.getMessage());
            }
        }
        return out;
    }
}
