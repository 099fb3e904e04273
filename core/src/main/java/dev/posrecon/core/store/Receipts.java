package dev.posrecon.core.store;

import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.function.Predicate;

/**
 * Receipt look-up and reprint from the stored receipts: the rows of {@code receipts} (tenders folded into the row) and
 * the blocks of matched receipts ({@link ReceiptBlocks}). SQL narrows (indexed columns, a block's day and ranges),
 * the decoded receipt decides, and the two kinds of storage are listed together by time, number, file and line.
 */
final class Receipts {
    private static final int WIDTH = 40;
    private static final String MARK = "*** DUPLICATE - NOT AN ORIGINAL ***";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ROWS = "SELECT r.* FROM receipts r";
    private static final String BLOCKS = "SELECT b.run_id, b.file_name, b.business_date, b.store_id, b.register_id,"
            + " d.body FROM receipt_blocks b JOIN receipt_block_bodies d ON d.block_id = b.id";
    private static final Comparator<StoredReceipt> ORDER = Comparator
            .comparing(StoredReceipt::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoredReceipt::receiptNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoredReceipt::ref);

    private final Ledger ledger;

    Receipts(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Receipts with every detail asked for (the tender details on one tender). Given an RRN, the receipt rows whose
     * first card tender has it are looked up by index; only when neither they nor the blocks have it are the folded
     * tenders of every receipt row scanned for it (a later tender's RRN: a split payment).
     */
    List<ReceiptMatch> find(ReceiptQuery q) {
        List<StoredReceipt> found = findStored(q);
        List<ReceiptMatch> out = new ArrayList<>(found.size());
        for (StoredReceipt r : found) {
            out.add(r.toMatch());
        }
        return out;
    }

    /** The receipts of {@link #find}, as stored, by time then number. */
    List<StoredReceipt> findStored(ReceiptQuery q) {
        if (q.isEmpty()) {
            throw new UsageException("give at least one of --date, --amount, --card-last4, --auth, --rrn, --terminal,"
                    + " --receipt");
        }
        Wanted w = new Wanted(q);
        List<StoredReceipt> found = new ArrayList<>();
        boolean rrn = q.rrn() != null && !q.rrn().isBlank();
        rows(q, w, rrn, found);
        blocks(q.date(), q.receiptNo() == null ? null : q.receiptNo().trim(), rrn ? q.rrn().trim() : null,
                w.needles(), w, found);
        if (found.isEmpty() && rrn) {
            rows(q, w, false, found);
        }
        found.sort(ORDER);
        return found;
    }

    /** What a look-up asks for, decided on a decoded receipt. */
    private static final class Wanted implements Predicate<StoredReceipt> {
        private final ReceiptQuery q;
        private final List<Criterion> tender = new ArrayList<>();
        private final BigDecimal amount;

        Wanted(ReceiptQuery q) {
            this.q = q;
            add(TenderText.Stored::cardLast4, q.cardLast4() == null ? null : last4(q.cardLast4()));
            add(TenderText.Stored::authCode, q.authCode());
            add(TenderText.Stored::rrn, q.rrn());
            add(TenderText.Stored::terminalId, q.terminalId());
            amount = q.amount() == null ? null : parseAmount(q.amount());
        }

        private void add(java.util.function.Function<TenderText.Stored, String> field, String value) {
            if (value != null && !value.isBlank()) {
                tender.add(new Criterion(field, value.trim()));
            }
        }

        /**
         * What a block holding a receipt this accepts must contain (see {@link #blocks}): one text of each list.
         * The amount is a whole field, the total's or (escaped once more) a tender's, in minor units of a currency
         * with 0 to 4 decimals.
         */
        List<List<String>> needles() {
            List<List<String>> out = new ArrayList<>();
            if (q.receiptNo() != null) {
                out.addAll(needle(q.receiptNo().trim()));
            }
            for (Criterion c : tender) {
                out.addAll(needle(c.value()));
            }
            if (amount != null) {
                List<String> any = new ArrayList<>();
                for (int digits = 0; digits <= 4; digits++) {
                    Long minor = minor(amount, digits);
                    if (minor != null) {
                        any.addAll(TenderText.wholeField(minor.toString()));
                    }
                }
                out.add(any);
            }
            return out;
        }

        @Override
        public boolean test(StoredReceipt r) {
            if (q.date() != null && !q.date().equals(r.businessDate())) {
                return false;
            }
            if (q.receiptNo() != null && !q.receiptNo().trim().equals(r.receiptNo())) {
                return false;
            }
            if (!tender.isEmpty() && r.tenders().stream().noneMatch(t -> tender.stream().allMatch(c -> c.test(t)))) {
                return false;
            }
            if (amount != null) {
                Long minor = r.total() == null ? null : minor(amount, r.total().currency());
                return minor != null && (minor == r.total().minor()
                        || r.tenders().stream().anyMatch(t -> minor.equals(t.amountMinor())));
            }
            return true;
        }
    }

    /**
     * A value as what a block's text must contain: itself, when it is written as it is (no control character of
     * the encoding); else nothing (the decoded receipts decide).
     */
    private static List<List<String>> needle(String v) {
        return TenderText.isPlain(v) ? List.of(List.of(v)) : List.of();
    }

    /** {@code amount} in minor units of {@code c}, null when it has more decimals than the currency. */
    private static Long minor(BigDecimal amount, Currency c) {
        return minor(amount, Math.max(0, c.getDefaultFractionDigits()));
    }

    /** {@code amount} in units of {@code 10^-digits}, null when it has more decimals. */
    private static Long minor(BigDecimal amount, int digits) {
        try {
            return amount.movePointRight(digits).stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * The receipt rows {@code w} accepts, narrowed in SQL.
     *
     * @param rrnByIndex narrow by the (indexed) first card tender's RRN alone, not by any tender's text
     */
    private void rows(ReceiptQuery q, Wanted w, boolean rrnByIndex, List<StoredReceipt> out) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.date() != null) {
            where.append(" AND r.business_date = ?");
            args.add(q.date());
        }
        if (q.receiptNo() != null) {
            where.append(" AND r.receipt_no = ?");
            args.add(q.receiptNo().trim());
        }
        // tender details: the first card tender's column, or the value as a field of any tender
        narrow(where, args, "r.card_last4", q.cardLast4() == null ? null : last4(q.cardLast4()), false);
        narrow(where, args, "r.card_auth_code", q.authCode(), false);
        narrow(where, args, "r.card_rrn", q.rrn(), rrnByIndex);
        narrow(where, args, "r.card_terminal_id", q.terminalId(), false);
        if (q.amount() != null) {
            BigDecimal amount = parseAmount(q.amount());
            List<String> alts = new ArrayList<>();
            for (String code : currencies()) {
                Currency cur = Currencies.resolve(code);
                Long minor = cur == null ? null : minor(amount, cur);
                if (minor != null) {
                    alts.add("(r.currency = ? AND (r.total_minor = ? OR r.card_amount_minor = ? OR r.tenders LIKE ?"
                            + TenderText.LIKE_ESCAPE + "))");
                    args.add(code);
                    args.add(minor);
                    args.add(minor);
                    args.add(TenderText.likeField(Long.toString(minor)));
                }
            }
            where.append(alts.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alts) + ")");
        }
        ledger.read(ROWS + where, args, rs -> {
            StoredReceipt r = StoredReceipt.of(rs);
            if (w.test(r)) {
                out.add(r);
            }
        });
    }

    /**
     * The receipts of blocks that {@code w} accepts: the blocks of the day, whose receipt-number range holds
     * {@code receiptNo} and whose RRN range holds {@code rrn} (each when given), and whose text contains one of
     * each list of {@code needles} ({@link #needle}), decoded. A value is written into a block's text as it is
     * unless it holds one of the encoding's three control characters, so a block without it cannot hold a receipt
     * that has it. This spares decoding all but a few blocks when a look-up gives a number, an amount or a tender
     * detail.
     */
    private void blocks(LocalDate day, String receiptNo, String rrn, List<List<String>> needles,
                        Predicate<StoredReceipt> w, List<StoredReceipt> out) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (day != null) {
            where.append(" AND b.business_date = ?");
            args.add(day);
        }
        if (receiptNo != null) {
            where.append(" AND b.receipt_no_max >= ? AND b.receipt_no_min <= ?");
            args.add(receiptNo);
            args.add(receiptNo);
        }
        if (rrn != null) {
            where.append(" AND b.rrn_max >= ? AND b.rrn_min <= ?");
            args.add(rrn);
            args.add(rrn);
        }
        ledger.read(BLOCKS + where, args, rs -> {
            String body = rs.getString("body");
            for (List<String> any : needles) {
                if (any.stream().noneMatch(body::contains)) {
                    return;
                }
            }
            for (StoredReceipt r : ReceiptBlocks.decode(ReceiptBlocks.Header.of(rs), body)) {
                if (w.test(r)) {
                    out.add(r);
                }
            }
        });
    }

    /** A tender detail asked for: the tender's field equals the value. */
    private record Criterion(java.util.function.Function<TenderText.Stored, String> field, String value) {
        boolean test(TenderText.Stored t) {
            return value.equals(field.apply(t));
        }
    }

    /** @param columnOnly narrow by the (indexed) first card tender's column alone, not by any tender's text */
    private static void narrow(StringBuilder where, List<Object> args, String column, String value,
                               boolean columnOnly) {
        if (value != null && !value.isBlank()) {
            String v = value.trim();
            args.add(v);
            if (columnOnly) {
                where.append(" AND ").append(column).append(" = ?");
                return;
            }
            where.append(" AND (").append(column).append(" = ? OR r.tenders LIKE ?").append(TenderText.LIKE_ESCAPE)
                    .append(')');
            args.add(TenderText.likeField(v));
        }
    }

    private static String last4(String card) {
        String t = card.trim();
        return t.length() <= 4 ? t : t.substring(t.length() - 4);
    }

    private static BigDecimal parseAmount(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--amount: expected a decimal such as 115.20, found '" + text + "'");
        }
    }

    private List<String> currencies() {
        List<String> out = new ArrayList<>();
        ledger.read("SELECT DISTINCT currency FROM receipts WHERE currency IS NOT NULL ORDER BY currency", List.of(),
                rs -> out.add(rs.getString(1)));
        return out;
    }

    String reprint(String key, LocalDate date, String merchantName) {
        String k = key.trim();
        String dateCond = date == null ? "" : " AND r.business_date = ?";
        List<Object> args = date == null ? List.of(k) : List.of(k, date);
        Predicate<StoredReceipt> onDay = r -> date == null || date.equals(r.businessDate());
        List<StoredReceipt> found = new ArrayList<>();
        Ledger.RowHandler row = rs -> found.add(StoredReceipt.of(rs));
        ledger.read(ROWS + " WHERE r.receipt_no = ?" + dateCond, args, row);
        blocks(date, k, null, needle(k), r -> k.equals(r.receiptNo()) && onDay.test(r), found);
        if (found.isEmpty()) {
            // by the RRN of a card tender: the first card tender's (indexed) in rows, any tender's in blocks
            ledger.read(ROWS + " WHERE r.card_rrn = ?" + dateCond, args, row);
            blocks(date, null, k, needle(k),
                    r -> onDay.test(r) && r.tenders().stream().anyMatch(t -> k.equals(t.rrn())), found);
        }
        if (found.isEmpty()) {
            // by the RRN of a later tender of a row (a split payment): SQL narrows, the decoded tenders decide
            List<Object> rrnArgs = new ArrayList<>(List.of(k, TenderText.likeField(k)));
            if (date != null) {
                rrnArgs.add(date);
            }
            ledger.read(ROWS + " WHERE (r.card_rrn = ? OR r.tenders LIKE ?" + TenderText.LIKE_ESCAPE + ")"
                    + dateCond, rrnArgs, rs -> {
                        StoredReceipt r = StoredReceipt.of(rs);
                        if (r.tenders().stream().anyMatch(t -> k.equals(t.rrn()))) {
                            found.add(r);
                        }
                    });
        }
        if (found.isEmpty()) {
            throw new UsageException("no receipt with number or RRN '" + k + "'"
                    + (date == null ? "" : " on " + date) + " in the ledger; try 'posrecon receipt find'");
        }
        if (found.size() > 1) {
            found.sort(ORDER);
            List<String> labels = new ArrayList<>();
            for (StoredReceipt r : found) {
                labels.add(r.receiptNo() + " " + r.time() + " (" + r.ref() + ")");
            }
            throw new UsageException("'" + k + "' matches " + found.size() + " receipts: " + String.join("; ", labels)
                    + "; give --date to choose");
        }
        return render(found.get(0), merchantName);
    }

    private String render(StoredReceipt r, String merchantName) {
        String[] stored = new String[1];
        ledger.read("SELECT merchant_name FROM runs WHERE id = ?", List.of(r.runId()),
                rs -> stored[0] = rs.getString(1));
        String merchant = merchantName != null ? merchantName : stored[0] != null ? stored[0] : "(merchant)";
        StringBuilder sb = new StringBuilder();
        center(sb, merchant);
        center(sb, MARK);
        sb.append("-".repeat(WIDTH)).append('\n');
        pair(sb, "Receipt", r.receiptNo());
        if (r.storeId() != null || r.registerId() != null) {
            pair(sb, "Store/register", nz(r.storeId()) + " / " + nz(r.registerId()));
        }
        if (r.cashierId() != null) {
            pair(sb, "Cashier", r.cashierId());
        }
        pair(sb, "Date/time", r.time() == null ? "-" : TIME.format(r.time()));
        if (r.originalReceiptNo() != null) {
            pair(sb, "Original receipt", r.originalReceiptNo());
        }
        sb.append("-".repeat(WIDTH)).append('\n');
        pair(sb, nz(r.kind()) + " TOTAL", r.total() == null ? "-" : r.total().toString());
        for (TenderText.Stored t : r.tenders()) {
            Money amount = t.amount();
            pair(sb, t.type(), amount == null ? "-" : amount.toDecimalString());
            if (t.isCard()) {
                line(sb, "  Card     **** **** **** " + nz(t.cardLast4()));
                line(sb, "  Terminal " + nz(t.terminalId()) + (t.merchantId() == null ? ""
                        : "  Merchant " + t.merchantId()));
                line(sb, "  Auth     " + nz(t.authCode()));
                line(sb, "  RRN      " + nz(t.rrn()));
                line(sb, "  STAN     " + nz(t.stan()));
            }
        }
        sb.append("-".repeat(WIDTH)).append('\n');
        center(sb, MARK);
        line(sb, "Rebuilt from the posrecon ledger");
        line(sb, "(" + r.ref() + ")");
        return sb.toString();
    }

    private static String nz(Object s) {
        return s == null ? "-" : s.toString();
    }

    private static void center(StringBuilder sb, String s) {
        int pad = Math.max(0, (WIDTH - s.length()) / 2);
        sb.append(" ".repeat(pad)).append(s).append('\n');
    }

    private static void pair(StringBuilder sb, String label, String value) {
        int gap = Math.max(1, WIDTH - label.length() - value.length());
        sb.append(label).append(" ".repeat(gap)).append(value).append('\n');
    }

    private static void line(StringBuilder sb, String s) {
        sb.append(s).append('\n');
    }
}
