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

/** Receipt look-up and reprint from the stored receipts, their tenders and the terminal records. */
final class Receipts {
    private static final int WIDTH = 40;
    private static final String MARK = "*** DUPLICATE - NOT AN ORIGINAL ***";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String JOIN = " FROM receipts r LEFT JOIN tenders t ON t.file_sha256 = r.file_sha256"
            + " AND t.receipt_line = r.line";
    private static final String COLUMNS = "SELECT r.id, r.receipt_no, r.receipt_time, r.kind, r.total_minor,"
            + " r.currency, r.file_name, r.line, t.tender_type, t.terminal_id, t.card_last4, t.auth_code, t.rrn,"
            + " t.stan";

    private final Ledger ledger;

    Receipts(Ledger ledger) {
        this.ledger = ledger;
    }

    List<ReceiptMatch> find(ReceiptQuery q) {
        if (q.isEmpty()) {
            throw new UsageException("give at least one of --date, --amount, --card-last4, --auth, --rrn, --terminal,"
                    + " --receipt");
        }
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
        // tender details: the receipt has a tender with all of them
        StringBuilder tender = new StringBuilder();
        List<Object> targs = new ArrayList<>();
        tenderCondition(tender, targs, "x.card_last4", q.cardLast4() == null ? null : last4(q.cardLast4()));
        tenderCondition(tender, targs, "x.auth_code", q.authCode());
        tenderCondition(tender, targs, "x.rrn", q.rrn());
        tenderCondition(tender, targs, "x.terminal_id", q.terminalId());
        if (q.amount() != null) {
            BigDecimal amount = parseAmount(q.amount());
            List<String> alts = new ArrayList<>();
            List<Object> aargs = new ArrayList<>();
            for (String code : currencies()) {
                Currency cur = Currencies.resolve(code);
                try {
                    long minor = amount.movePointRight(Math.max(0, cur.getDefaultFractionDigits()))
                            .stripTrailingZeros().longValueExact();
                    alts.add("(r.currency = ? AND (r.total_minor = ? OR EXISTS (SELECT 1 FROM tenders y"
                            + " WHERE y.file_sha256 = r.file_sha256 AND y.receipt_line = r.line AND y.amount_minor = ?)))");
                    aargs.add(code);
                    aargs.add(minor);
                    aargs.add(minor);
                } catch (ArithmeticException e) {
                    // not an amount in this currency
                }
            }
            where.append(alts.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alts) + ")");
            args.addAll(aargs);
        }
        if (tender.length() > 0) {
            where.append(" AND EXISTS (SELECT 1 FROM tenders x WHERE x.file_sha256 = r.file_sha256"
                    + " AND x.receipt_line = r.line").append(tender).append(")");
            args.addAll(targs);
        }
        Map<Long, ReceiptMatch> out = new LinkedHashMap<>();
        ledger.read(COLUMNS + JOIN + where + " ORDER BY r.receipt_time, r.receipt_no, r.id, t.seq", args, rs -> {
            long id = rs.getLong(1);
            ReceiptMatch m = out.get(id);
            boolean card = "CARD".equals(rs.getString("tender_type"));
            if (m == null || (m.cardLast4() == null && m.rrn() == null && card)) {
                out.put(id, new ReceiptMatch(rs.getString("receipt_no"), Db.time(rs, "receipt_time"),
                        rs.getString("kind"), Db.money(rs, "total_minor", "currency"),
                        card ? rs.getString("terminal_id") : null, card ? rs.getString("card_last4") : null,
                        card ? rs.getString("auth_code") : null, card ? rs.getString("rrn") : null,
                        card ? rs.getString("stan") : null,
                        new SourceRef(rs.getString("file_name"), rs.getLong("line"))));
            }
        });
        return new ArrayList<>(out.values());
    }

    private static void tenderCondition(StringBuilder sb, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(" AND ").append(column).append(" = ?");
            args.add(value.trim());
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
            ledger.read("SELECT DISTINCT r.id, r.receipt_no, r.receipt_time, r.file_name, r.line" + JOIN
                    + " WHERE t.rrn = ?" + dateCond + " ORDER BY r.receipt_time, r.id", args, byNo);
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
                    r.put("sha", rs.getString("file_sha256"));
                    r.put("line", rs.getLong("line"));
                    r.put("file", rs.getString("file_name"));
                    r.put("merchant", rs.getString("merchant_name"));
                    r.put("original", rs.getString("original_receipt_no"));
                });
        List<String[]> tenders = new ArrayList<>();
        List<Money> amounts = new ArrayList<>();
        ledger.read("SELECT * FROM tenders WHERE file_sha256 = ? AND receipt_line = ? ORDER BY seq",
                List.of(r.get("sha"), r.get("line")), rs -> {
                    tenders.add(new String[] {rs.getString("tender_type"), rs.getString("terminal_id"),
                            rs.getString("card_last4"), rs.getString("auth_code"), rs.getString("rrn"),
                            rs.getString("stan"), rs.getString("merchant_id")});
                    amounts.add(Db.money(rs, "amount_minor", "currency"));
                });
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
