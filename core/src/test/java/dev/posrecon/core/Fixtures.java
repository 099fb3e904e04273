package dev.posrecon.core;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Small builders for records, so core tests read like the stories they check. */
public final class Fixtures {
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final ReconConfig CONFIG = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai"))
            .currency(CNY).build();
    public static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static int line = 1;

    private Fixtures() {
    }

    public static Money cny(String amount) {
        return Money.parse(amount, CNY);
    }

    public static LocalDateTime at(String hhmmss) {
        return LocalDateTime.of(DAY, java.time.LocalTime.parse(hhmmss));
    }

    /** A terminal transaction; {@code response} null means a timeout. */
    public static TerminalRecord txn(TxnKind kind, String tid, String stan, String amount, String card, String time,
                                     String response, String rrn, String auth) {
        String mti = kind == TxnKind.REVERSAL ? "0400" : "0200";
        String proc = switch (kind) {
            case REFUND -> "200000";
            case VOID -> "020000";
            default -> "000000";
        };
        SourceRef req = new SourceRef("terminal.xml", line++);
        SourceRef resp = response == null ? null : new SourceRef("terminal.xml", line++);
        return new TerminalRecord(req, resp, mti, kind, proc, tid, "M001", stan, rrn, auth, response,
                "00".equals(response), cny(amount), card, at(time), null, null);
    }

    public static TerminalRecord sale(String tid, String stan, String amount, String card, String time, String rrn) {
        return txn(TxnKind.SALE, tid, stan, amount, card, time, "00", rrn, "A" + stan);
    }

    public static TerminalRecord cancel(TxnKind kind, String tid, String stan, String time, TerminalRecord orig,
                                        String response) {
        SourceRef req = new SourceRef("terminal.xml", line++);
        SourceRef resp = response == null ? null : new SourceRef("terminal.xml", line++);
        return new TerminalRecord(req, resp, kind == TxnKind.REVERSAL ? "0400" : "0200", kind,
                kind == TxnKind.VOID ? "020000" : "000000", tid, "M001", stan,
                kind == TxnKind.VOID ? orig.rrn() : null, null, response, "00".equals(response), orig.amount(),
                orig.card(), at(time), "0200", orig.stan());
    }

    public static SettlementRecord settle(TxnKind type, String tid, String stan, String amount, String card,
                                          String time, String rrn, String auth, String fee) {
        return new SettlementRecord(new SourceRef("settlement.csv", line++), "M001", tid, at(time), DAY.plusDays(1),
                type, cny(amount), fee == null ? null : cny(fee), null, card, auth, rrn, stan, "B1");
    }

    public static SettlementRecord settled(TerminalRecord t) {
        return settle(t.kind(), t.terminalId(), t.stan(), t.amount().toDecimalString(), t.card(),
                t.localTime().toLocalTime().toString(), t.rrn(), t.authCode(), null);
    }

    /** A receipt; tenders built with {@link #card} and {@link #cash}. */
    public static Receipt receipt(String no, ReceiptKind kind, String time, String total, String original,
                                  String member, Tender... tenders) {
        return new Receipt(new SourceRef("journal.csv", line++), no, "S1", "R1", "C1", at(time), kind, cny(total),
                List.of(tenders), original, member, null, null);
    }

    public static Tender card(String amount, TerminalRecord t) {
        return new Tender(new SourceRef("journal.csv", line++), TenderType.CARD, cny(amount), t.terminalId(),
                t.stan(), t.rrn(), t.authCode(), t.cardLast4());
    }

    public static Tender cardNoRefs(String amount, String last4) {
        return new Tender(new SourceRef("journal.csv", line++), TenderType.CARD, cny(amount), null, null, null, null,
                last4);
    }

    public static Tender cash(String amount) {
        return new Tender(new SourceRef("journal.csv", line++), TenderType.CASH, cny(amount), null, null, null, null,
                null);
    }

    public static Receipt paidBy(String no, TerminalRecord t) {
        String a = t.amount().toDecimalString();
        return receipt(no, ReceiptKind.SALE, t.localTime().toLocalTime().plusSeconds(5).toString(), a, null, null,
                card(a, t));
    }
}
