package dev.posrecon.core.store;

import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Receipt look-up and reprint from the stored receipts and their tenders (folded into the receipt row). */
final class Receipts {
    private static final int WIDTH = 40;
    private static final String MARK = "*** DUPLICATE - NOT AN ORIGINAL ***";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String COLUMNS = "SELECT r.id, r.receipt_no, r.receipt_time, r.kind, r.total_minor,"
            + " r.currency, r.file_name, r.line, r.card_terminal_id, r.card_last4, r.card_auth_code, r.card_rrn,"
            + " r.card_stan, r.tenders FROM receipts r";

    private final Ledger ledger;

    Receipts(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Receipts with every detail asked for (the tender details on one tender). Given an RRN, the receipts whose
     * first card tender has it are looked up by index; only when there are none are the folded tenders of every
     * receipt scanned for it (a later tender's RRN: a split payment), which on a big ledger takes seconds.
     */
    List<ReceiptMatch> find(ReceiptQuery q) {
        if (q.isEmpty()) {
            throw new UsageException("give at least one of --date, --amount, --card-last4, --auth, --rrn, --terminal,"
                    + " --receipt");
        }
        if (q.rrn() != null && !q.rrn().isBlank()) {
            List<ReceiptMatch> byIndex = find(q, true);
            if (!byIndex.isEmpty()) {
                return byIndex;
            }
        }
        return find(q, false);
    }

    private List<ReceiptMatch> find(ReceiptQuery q, boolean rrnByIndex) {
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
        // tender details: the receipt has a tender with all of them. SQL narrows (the first card tender's column,
        // or the value as a field of any tender), the decoded tenders decide.
        List<Criterion> tender = new ArrayList<>();
        criterion(tender, where, args, "r.card_last4", TenderText.Stored::cardLast4,
                q.cardLast4() == null ? null : last4(q.cardLast4()));
        criterion(tender, where, args, "r.card_auth_code", TenderText.Stored::authCode, q.authCode());
        criterion(tender, where, args, "r.card_rrn", TenderText.Stored::rrn, q.rrn(), rrnByIndex);
        criterion(tender, where, args, "r.card_terminal_id", TenderText.Stored::terminalId, q.terminalId());
        Map<String, Long> minorByCode = new LinkedHashMap<>();
        if (q.amount() != null) {
            BigDecimal amount = parseAmount(q.amount());
            List<String> alts = new ArrayList<>();
            for (String code : currencies()) {
                Currency cur = Currencies.resolve(code);
                try {
                    long minor = amount.movePointRight(Math.max(0, cur.getDefaultFractionDigits()))
                            .stripTrailingZeros().longValueExact();
                    alts.add("(r.currency = ? AND (r.total_minor = ? OR r.card_amount_minor = ? OR r.tenders LIKE ?"
                            + TenderText.LIKE_ESCAPE + "))");
                    args.add(code);
                    args.add(minor);
                    args.add(minor);
                    args.add(TenderText.likeField(Long.toString(minor)));
                    minorByCode.put(code, minor);
                } catch (ArithmeticException e) {
                    // not an amount in this currency
                }
            }
            where.append(alts.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alts) + ")");
        }
        List<ReceiptMatch> out = new ArrayList<>();
        ledger.read(COLUMNS + where + " ORDER BY r.receipt_time, r.receipt_no, r.id", args, rs -> {
            List<TenderText.Stored> tenders = TenderText.decode(rs.getString("tenders"));
            if (!tender.isEmpty() && tenders.stream().noneMatch(t -> tender.stream().allMatch(c -> c.test(t)))) {
                return;
            }
            if (q.amount() != null) {
                Long minor = minorByCode.get(rs.getString("currency"));
                Long total = Db.lng(rs, "total_minor");
                if (minor == null || !(minor.equals(total)
                        || tenders.stream().anyMatch(t -> minor.equals(t.amountMinor())))) {
                    return;
                }
            }
            out.add(new ReceiptMatch(rs.getString("receipt_no"), Db.time(rs, "receipt_time"),
                    rs.getString("kind"), Db.money(rs, "total_minor", "currency"), rs.getString("card_terminal_id"),
                    rs.getString("card_last4"), rs.getString("card_auth_code"), rs.getString("card_rrn"),
                    rs.getString("card_stan"), new SourceRef(rs.getString("file_name"), rs.getLong("line"))));
        });
        return out;
    }

    /** A tender detail asked for: the tender's field equals the value. */
    private record Criterion(java.util.function.Function<TenderText.Stored, String> field, String value) {
        boolean test(TenderText.Stored t) {
            return value.equals(field.apply(t));
        }
    }

    private static void criterion(List<Criterion> out, StringBuilder where, List<Object> args, String column,
                                  java.util.function.Function<TenderText.Stored, String> field, String value) {
        criterion(out, where, args, column, field, value, false);
    }

    /** @param columnOnly narrow by the (indexed) first card tender's column alone, not by any tender's text */
    private static void criterion(List<Criterion> out, StringBuilder where, List<Object> args, String column,
                                  java.util.function.Function<TenderText.Stored, String> field, String value,
                                  boolean columnOnly) {
        if (value != null && !value.isBlank()) {
            String v = value.trim();
            out.add(new Criterion(field, v));
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
        List<Long> ids = new ArrayList<>();
        String dateCond = date == null ? "" : " AND r.business_date = ?";
        List<Object> args = date == null ? List.of(k) : List.of(k, date);
        List<String> labels = new ArrayList<>();
        Ledger.RowHandler byNo = rs -> {
            ids.add(rs.getLong(1));
            labels.add(rs.getString(2) + " " + Db.time(rs, "receipt_time") + " (" + rs.getString(4) + ":"
                    + rs.getLong(5) + ")");
        };
        ledger.read("SELECT r.id, r.receipt_no, r.receipt_time, r.file_name, r.line FROM receipts r"
                + " WHERE r.receipt_no = ?" + dateCond + " ORDER BY r.receipt_time, r.id", args, byNo);
        if (ids.isEmpty()) {
            // by the RRN of its first card tender (indexed)
            ledger.read("SELECT r.id, r.receipt_no, r.receipt_time, r.file_name, r.line FROM receipts r"
                    + " WHERE r.card_rrn = ?" + dateCond + " ORDER BY r.receipt_time, r.id", args, byNo);
        }
        if (ids.isEmpty()) {
            // by the RRN of a later tender (a split payment): SQL narrows, the decoded tenders decide
            List<Object> rrnArgs = new ArrayList<>(List.of(k, TenderText.likeField(k)));
            if (date != null) {
                rrnArgs.add(date);
            }
            ledger.read("SELECT r.id, r.receipt_no, r.receipt_time, r.file_name, r.line, r.tenders FROM receipts r"
                    + " WHERE (r.card_rrn = ? OR r.tenders LIKE ?" + TenderText.LIKE_ESCAPE + ")" + dateCond
                    + " ORDER BY r.receipt_time, r.id", rrnArgs, rs -> {
                        if (TenderText.decode(rs.getString("tenders")).stream().anyMatch(t -> k.equals(t.rrn()))) {
                            byNo.row(rs);
                        }
                    });
        }
        if (ids.isEmpty()) {
            throw new UsageException("no receipt with number or RRN '" + k + "'"
                    + (date == null ? "" : " on " + date) + " in the ledger; try 'posrecon receipt find'");
        }
        if (ids.size() > 1) {
            throw new UsageException("'" + k + "' matches " + ids.size() + " receipts: " + String.join("; ", labels)
                    + "; give --date to choose");
        }
        return render(ids.get(0), merchantName);
    }

    private String render(long id, String merchantName) {
        Map<String, Object> r = new LinkedHashMap<>();
        ledger.read("SELECT r.*, u.merchant_name FROM receipts r LEFT JOIN runs u ON u.id = r.run_id WHERE r.id = ?",
                List.of(id), rs -> {
                    r.put("no", rs.getString("receipt_no"));
                    r.put("store", rs.getString("store_id"));
                    r.put("register", rs.getString("register_id"));
                    r.put("cashier", rs.getString("cashier_id"));
                    r.put("time", Db.time(rs, "receipt_time"));
                    r.put("kind", rs.getString("kind"));
                    r.put("total", Db.money(rs, "total_minor", "currency"));
                    r.put("tenders", rs.getString("tenders"));
                    r.put("line", rs.getLong("line"));
                    r.put("file", rs.getString("file_name"));
                    r.put("merchant", rs.getString("merchant_name"));
                    r.put("original", rs.getString("original_receipt_no"));
                });
        List<String[]> tenders = new ArrayList<>();
        List<Money> amounts = new ArrayList<>();
        for (TenderText.Stored t : TenderText.decode((String) r.get("tenders"))) {
            tenders.add(new String[] {t.type(), t.terminalId(), t.cardLast4(), t.authCode(), t.rrn(), t.stan(),
                    t.merchantId()});
            amounts.add(t.amount());
        }
        String merchant = merchantName != null ? merchantName : r.get("merchant") != null
                ? (String) r.get("merchant") : "(merchant)";
        StringBuilder sb = new StringBuilder();
        center(sb, merchant);
        center(sb, MARK);
        sb.append("-".repeat(WIDTH)).append('\n');
        pair(sb, "Receipt", (String) r.get("no"));
        if (r.get("store") != null || r.get("register") != null) {
            pair(sb, "Store/register", nz(r.get("store")) + " / " + nz(r.get("register")));
        }
        if (r.get("cashier") != null) {
            pair(sb, "Cashier", (String) r.get("cashier"));
        }
        LocalDateTime time = (LocalDateTime) r.get("time");
        pair(sb, "Date/time", time == null ? "-" : TIME.format(time));
        if (r.get("original") != null) {
            pair(sb, "Original receipt", (String) r.get("original"));
        }
        sb.append("-".repeat(WIDTH)).append('\n');
        Money total = (Money) r.get("total");
        pair(sb, nz(r.get("kind")) + " TOTAL", total == null ? "-" : total.toString());
        for (int i = 0; i < tenders.size(); i++) {
            String[] t = tenders.get(i);
            Money amount = amounts.get(i);
            pair(sb, t[0], amount == null ? "-" : amount.toDecimalString());
            if ("CARD".equals(t[0])) {
                String[] term = t;
                line(sb, "  Card     **** **** **** " + nz(term[2]));
                line(sb, "  Terminal " + nz(term[1]) + (term[6] == null ? "" : "  Merchant " + term[6]));
                line(sb, "  Auth     " + nz(term[3]));
                line(sb, "  RRN      " + nz(term[4]));
                line(sb, "  STAN     " + nz(term[5]));
            }
        }
        sb.append("-".repeat(WIDTH)).append('\n');
        center(sb, MARK);
        line(sb, "Rebuilt from the posrecon ledger");
        line(sb, "(" + r.get("file") + ":" + r.get("line") + ")");
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
