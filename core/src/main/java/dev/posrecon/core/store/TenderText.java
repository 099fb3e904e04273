package dev.posrecon.core.store;

import dev.posrecon.core.error.StoreException;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;

import java.util.ArrayList;
import java.util.List;

/**
 * A receipt's tenders as one text column of its row (receipts.tenders), in their order.
 *
 * <p>Encoding: tenders separated by U+001E (record separator), fields by U+001F (unit separator), ten fields per
 * tender in this order: line, type, amount (minor units), currency, terminal, STAN, RRN, auth code, card ending,
 * merchant. A null field is U+001B (escape) then 'N'; any other value is written as is except that U+001B, U+001E
 * and U+001F inside it become U+001B then 'E', 'R' or 'U'. So an empty string, a null and any text are told apart,
 * and a field that is searched for (amount, terminal, RRN, auth code, card ending) always sits between two U+001F:
 * {@link #likeField} finds it with a LIKE, which the caller confirms after {@link #decode}.
 */
final class TenderText {
    static final char TENDER = '\u001E';
    static final char FIELD = '\u001F';
    static final char ESC = '\u001B';
    /** The LIKE escape character that {@link #likeField} uses: {@code LIKE ? ESCAPE '!'}. */
    static final String LIKE_ESCAPE = " ESCAPE '!'";

    private TenderText() {
    }

    /** One stored tender: a card tender's references as completed from the run's terminal record. */
    record Stored(Long line, String type, Long amountMinor, String currency, String terminalId, String stan,
                  String rrn, String authCode, String cardLast4, String merchantId) {

        boolean isCard() {
            return TenderType.CARD.name().equals(type);
        }

        Money amount() {
            return Db.money(amountMinor, currency, "a tender");
        }

        /** The model's tender; {@code file} is its receipt's file (a missing line reads as 0). */
        Tender toTender(String file) {
            return new Tender(new SourceRef(file, line == null ? 0 : line),
                    Db.enumOf(TenderType.class, type), amount(), terminalId, stan, rrn, authCode, cardLast4);
        }
    }

    static String encode(List<Stored> tenders) {
        StringBuilder sb = new StringBuilder(tenders.size() * 64);
        for (int i = 0; i < tenders.size(); i++) {
            if (i > 0) {
                sb.append(TENDER);
            }
            Stored t = tenders.get(i);
            field(sb, t.line() == null ? null : t.line().toString());
            sb.append(FIELD);
            field(sb, t.type());
            sb.append(FIELD);
            field(sb, t.amountMinor() == null ? null : t.amountMinor().toString());
            sb.append(FIELD);
            field(sb, t.currency());
            sb.append(FIELD);
            field(sb, t.terminalId());
            sb.append(FIELD);
            field(sb, t.stan());
            sb.append(FIELD);
            field(sb, t.rrn());
            sb.append(FIELD);
            field(sb, t.authCode());
            sb.append(FIELD);
            field(sb, t.cardLast4());
            sb.append(FIELD);
            field(sb, t.merchantId());
        }
        return sb.toString();
    }

    /** Appends {@code v} as one field: null as U+001B 'N', the three control characters escaped. */
    static void field(StringBuilder sb, String v) {
        if (v == null) {
            sb.append(ESC).append('N');
            return;
        }
        // the text between control characters in one append each (a block's nested tender text has many)
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == ESC || ch == TENDER || ch == FIELD) {
                sb.append(v, from, i).append(ESC).append(ch == ESC ? 'E' : ch == TENDER ? 'R' : 'U');
                from = i + 1;
            }
        }
        sb.append(v, from, v.length());
    }

    /** Whether {@code v} is written as it is (it holds none of the three control characters). */
    static boolean isPlain(String v) {
        return v.indexOf(ESC) < 0 && v.indexOf(TENDER) < 0 && v.indexOf(FIELD) < 0;
    }

    /** The tenders of an encoded text; null or empty text has none. */
    static List<Stored> decode(String text) {
        List<Stored> out = new ArrayList<>();
        for (List<String> fields : split(text, "a receipt's tenders")) {
            out.add(stored(fields));
        }
        return out;
    }

    /**
     * The records of a text in this encoding (records separated by U+001E, fields by U+001F, escapes undone);
     * null or empty text has none.
     *
     * @param what what the text holds, for the error when it is not in this form
     */
    static List<List<String>> split(String text, String what) {
        List<List<String>> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<String> fields = new ArrayList<>(16);
        StringBuilder cur = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : TENDER;
            if (ch == FIELD || ch == TENDER) {
                fields.add(isNull ? null : cur.toString());
                cur.setLength(0);
                isNull = false;
                if (ch == TENDER) {
                    out.add(fields);
                    fields = new ArrayList<>(16);
                }
            } else if (ch == ESC) {
                char next = ++i < text.length() ? text.charAt(i) : '?';
                switch (next) {
                    case 'N' -> isNull = true;
                    case 'E' -> cur.append(ESC);
                    case 'R' -> cur.append(TENDER);
                    case 'U' -> cur.append(FIELD);
                    default -> throw new StoreException("the ledger holds " + what + " in an unknown form"
                            + " (escape at " + (i - 1) + ")");
                }
            } else {
                cur.append(ch);
            }
        }
        return out;
    }

    private static Stored stored(List<String> f) {
        if (f.size() != 10) {
            throw new StoreException("the ledger holds a receipt's tenders in an unknown form (" + f.size()
                    + " fields, expected 10)");
        }
        try {
            return new Stored(f.get(0) == null ? null : Long.valueOf(f.get(0)), f.get(1),
                    f.get(2) == null ? null : Long.valueOf(f.get(2)), f.get(3), f.get(4), f.get(5), f.get(6),
                    f.get(7), f.get(8), f.get(9));
        } catch (NumberFormatException e) {
            throw new StoreException("the ledger holds a receipt's tenders in an unknown form: " + e.getMessage());
        }
    }

    /**
     * A plain value as a whole field between two others, as it appears in a text of records of this encoding: with
     * its separators as they are (a receipt's own field) and escaped once (a field of a text kept as a field, such
     * as a tender in a block of receipts).
     */
    static List<String> wholeField(String plain) {
        return List.of(FIELD + plain + FIELD, "" + ESC + 'U' + plain + ESC + 'U');
    }

    /** A LIKE pattern (with {@link #LIKE_ESCAPE}) for a receipt whose tenders hold {@code value} as a field. */
    static String likeField(String value) {
        StringBuilder enc = new StringBuilder();
        field(enc, value);
        StringBuilder sb = new StringBuilder("%").append(FIELD);
        for (int i = 0; i < enc.length(); i++) {
            char ch = enc.charAt(i);
            if (ch == '!' || ch == '%' || ch == '_') {
                sb.append('!');
            }
            sb.append(ch);
        }
        return sb.append(FIELD).append('%').toString();
    }
}
