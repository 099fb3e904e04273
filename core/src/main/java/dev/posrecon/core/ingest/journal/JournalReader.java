package dev.posrecon.core.ingest.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.BoundedLines;
import dev.posrecon.core.ingest.CsvRows;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.Shared;
import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.ingest.Values;
import dev.posrecon.core.ingest.Values.BadValue;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the register's receipt journal: CSV with one row per tender (rows sharing {@code receipt_no} form one
 * receipt, wherever they are in the file), or JSON Lines with one receipt per line and a {@code tenders} array.
 * The format is chosen by content: a first non-blank character {@code {} means JSON Lines.
 *
 * <p>One reject per receipt that cannot be read (its first bad row, with the field named): a bad amount, kind or
 * time, rows of one receipt that disagree on kind/time/total, or tenders that do not add up to the total.
 */
public final class JournalReader implements RecordReader<Receipt> {
    static final List<String> REQUIRED = List.of("receipt_no", "time", "kind", "total", "tender", "tender_amount");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReconConfig config;

    public JournalReader(ReconConfig config) {
        this.config = config;
    }

    @Override
    public ReadResult<Receipt> read(Path file, String displayName) {
        return isJsonLines(file, displayName) ? readJsonLines(file, displayName) : readCsv(file, displayName);
    }

    private static boolean isJsonLines(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            int n = 0;
            while ((c = in.read()) >= 0 && n++ < 4096) {
                if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) {
                    continue;
                }
                return c == '{';
            }
            return false;
        } catch (IOException e) {
            throw new InputException(name, 0, null, Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
        }
    }

    // ---- CSV -------------------------------------------------------------------------------------------------

    /** A receipt being assembled from its rows. */
    private static final class Draft {
        final String no;
        final long line;
        String storeId;
        String registerId;
        String cashierId;
        LocalDateTime time;
        ReceiptKind kind;
        long total;
        /** the original receipt and the member as {@link Ids#pack} codes them (a million receipts' strings not kept). */
        long original;
        long member;
        String phone;
        String email;
        final List<Tender> tenders = new ArrayList<>(1);
        Reject bad;

        Draft(String no, long line) {
            this.no = no;
            this.line = line;
        }
    }

    private ReadResult<Receipt> readCsv(Path file, String name) {
        Currency cur = config.currency();
        Map<String, Draft> drafts = new LinkedHashMap<>(expectedReceipts(file));
        List<Reject> rejects = new ArrayList<>();
        Shared shared = new Shared();
        try (CsvRows rows = new CsvRows(file, name, null, REQUIRED, "receipt journal")) {
            int cNo = rows.column("receipt_no");
            int cStore = rows.column("store_id");
            int cReg = rows.column("register_id");
            int cCashier = rows.column("cashier_id");
            int cTime = rows.column("time");
            int cKind = rows.column("kind");
            int cTotal = rows.column("total");
            int cTender = rows.column("tender");
            int cTenderAmt = rows.column("tender_amount");
            int cTid = rows.column("terminal_id");
            int cStan = rows.column("stan");
            int cRrn = rows.column("rrn");
            int cAuth = rows.column("auth_code");
            int cLast4 = rows.column("card_last4");
            int cOrig = rows.column("original_receipt_no");
            int cMember = rows.column("member_id");
            int cPhone = rows.column("customer_phone");
            int cEmail = rows.column("customer_email");
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                String no = CsvRows.get(row, cNo);
                if (no == null) {
                    rejects.add(reject(name, row, "field 'receipt_no': missing (required)"));
                    continue;
                }
                Draft d = drafts.get(no);
                boolean first = d == null;
                if (first) {
                    d = new Draft(no, row.line());
                    drafts.put(no, d);
                }
                if (d.bad != null) {
                    continue;
                }
                try {
                    if (row.values().length != rows.headerSize()) {
                        throw new BadValue("row", row.values().length + " fields, but the header has "
                                + rows.headerSize());
                    }
                    LocalDateTime time = Values.localDateTime("time", CsvRows.get(row, cTime));
                    ReceiptKind kind = Values.enumValue("kind", CsvRows.get(row, cKind), ReceiptKind.class);
                    long total = Values.money("total", CsvRows.get(row, cTotal), cur, true);
                    TenderType type = Values.enumValue("tender", CsvRows.get(row, cTender), TenderType.class);
                    long amount = Values.money("tender_amount", CsvRows.get(row, cTenderAmt), cur, true);
                    if (first) {
                        d.time = time;
                        d.kind = kind;
                        d.total = total;
                        d.storeId = shared.string(CsvRows.get(row, cStore));
                        d.registerId = shared.string(CsvRows.get(row, cReg));
                        d.cashierId = shared.string(CsvRows.get(row, cCashier));
                        d.original = Ids.pack(CsvRows.get(row, cOrig));
                        d.member = Ids.pack(CsvRows.get(row, cMember));
                        d.phone = CsvRows.get(row, cPhone);
                        d.email = CsvRows.get(row, cEmail);
                    } else if (!time.equals(d.time) || kind != d.kind || total != d.total) {
                        throw new BadValue("receipt_no", "rows of receipt " + no + " disagree on time, kind or total"
                                + " (first row at line " + d.line + ")");
                    }
                    String last4 = CsvRows.get(row, cLast4);
                    d.tenders.add(new Tender(new SourceRef(name, row.line()), type, Money.of(amount, cur),
                            shared.string(CsvRows.get(row, cTid)), shared.string(CsvRows.get(row, cStan)),
                            CsvRows.get(row, cRrn), CsvRows.get(row, cAuth),
                            last4 == null ? null : Cards.maskedLast4(last4)));
                } catch (BadValue e) {
                    d.bad = reject(name, row, e.reason());
                }
            }
        }
        List<Receipt> out = new ArrayList<>(drafts.size());
        // each draft let go once it is a receipt, so the drafts and the receipts are not all held at once
        for (var it = drafts.values().iterator(); it.hasNext(); ) {
            Draft d = it.next();
            it.remove();
            if (d.bad == null) {
                d.bad = checkTotal(name, d);
            }
            if (d.bad != null) {
                rejects.add(d.bad);
            } else {
                Money only = d.tenders.size() == 1 ? d.tenders.get(0).amount() : null;
                Money total = only != null && only.minor() == d.total ? only : Money.of(d.total, cur);
                out.add(new Receipt(name, SourceRef.intLine(name, d.line), Ids.pack(d.no), d.storeId, d.registerId,
                        d.cashierId, d.time, d.kind, total, d.tenders, d.original, d.member, d.phone, d.email));
            }
        }
        rejects.sort(null);
        return new ReadResult<>(out, rejects, 0, "receipts");
    }

    /**
     * A capacity for the receipts map: a journal row is rarely under 100 bytes, so this does not grow the map while
     * it fills (a million receipts re-hashed five times over otherwise), and a small file gets a small map.
     */
    private static int expectedReceipts(Path file) {
        try {
            return (int) Math.min(1 << 24, Math.max(16, Files.size(file) / 100 * 4 / 3));
        } catch (IOException | RuntimeException e) {
            return 16;
        }
    }

    private static Reject checkTotal(String name, Draft d) {
        long sum = 0;
        for (Tender t : d.tenders) {
            sum += t.amount().minor();
        }
        if (sum == d.total) {
            return null;
        }
        Currency c = d.tenders.get(0).amount().currency();
        return new Reject(name, d.line, "receipt " + d.no + ": tenders " + Money.format(sum, c)
                + " do not add up to total " + Money.format(d.total, c), "");
    }

    private static Reject reject(String name, CsvRows.Row row, String reason) {
        return new Reject(name, row.line(), reason, Cards.maskInText(abbreviate(row.raw())));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    // ---- JSON Lines ------------------------------------------------------------------------------------------

    private ReadResult<Receipt> readJsonLines(Path file, String name) {
        Currency cur = config.currency();
        List<Receipt> out = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        var opened = TextInput.open(file, name, null, null);
        try (BoundedLines in = new BoundedLines(opened.reader(), name)) {
            String line;
            long n = 0;
            while ((line = in.next()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(receipt(JSON.readTree(line), name, n, cur));
                } catch (BadValue e) {
                    rejects.add(new Reject(name, n, e.reason(), Cards.maskInText(abbreviate(line))));
                } catch (IOException e) {
                    String msg = String.valueOf(e.getMessage());
                    int nl = msg.indexOf('\n');
                    rejects.add(new Reject(name, n, "not a JSON object: " + (nl > 0 ? msg.substring(0, nl) : msg),
                            Cards.maskInText(abbreviate(line))));
                }
            }
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage());
        }
        return new ReadResult<>(out, rejects, 0, "receipts");
    }

    private static Receipt receipt(JsonNode o, String name, long line, Currency cur) {
        if (!o.isObject()) {
            throw new BadValue("line", "not a JSON object");
        }
        String no = Values.required("receipt_no", text(o, "receipt_no"));
        LocalDateTime time = Values.localDateTime("time", text(o, "time"));
        ReceiptKind kind = Values.enumValue("kind", text(o, "kind"), ReceiptKind.class);
        long total = Values.money("total", text(o, "total"), cur, true);
        JsonNode ts = o.get("tenders");
        if (ts == null || !ts.isArray() || ts.isEmpty()) {
            throw new BadValue("tenders", "missing or empty (an array of tenders is required)");
        }
        List<Tender> tenders = new ArrayList<>();
        long sum = 0;
        for (JsonNode t : ts) {
            TenderType type = Values.enumValue("tender", text(t, "tender") != null ? text(t, "tender") : text(t, "type"),
                    TenderType.class);
            String amt = text(t, "amount") != null ? text(t, "amount") : text(t, "tender_amount");
            long a = Values.money("tenders.amount", amt, cur, true);
            sum += a;
            String last4 = text(t, "card_last4");
            tenders.add(new Tender(new SourceRef(name, line), type, Money.of(a, cur), text(t, "terminal_id"),
                    text(t, "stan"), text(t, "rrn"), text(t, "auth_code"),
                    last4 == null ? null : Cards.maskedLast4(last4)));
        }
        if (sum != total) {
            throw new BadValue("tenders", "tenders " + Money.format(sum, cur) + " do not add up to total "
                    + Money.format(total, cur));
        }
        return new Receipt(new SourceRef(name, line), no, text(o, "store_id"), text(o, "register_id"),
                text(o, "cashier_id"), time, kind, Money.of(total, cur), tenders, text(o, "original_receipt_no"),
                text(o, "member_id"), text(o, "customer_phone"), text(o, "customer_email"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isTextual() ? v.textValue() : v.toString();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }
}
