package dev.posrecon.core.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One line the acquirer settled, in canonical form.
 *
 * @param file   the file's name as given, and {@code line} the line of the record ({@link #ref})
 * @param amount positive magnitude; {@code type} decides the direction (a REFUND is money back to the card)
 * @param fee    fee charged by the acquirer (positive = charged to the merchant), null when the file has none
 * @param net    net amount as written by the acquirer (signed as written), null when absent
 * @param cardKey masked card (first 6 / last 4) or just a last-4 form as {@link Ids#packCard} codes it
 *               ({@link #card}), may be none
 * @param authKey the auth code as {@link Ids#pack} codes it ({@link #authCode}), may be none
 * @param rrnKey the RRN as {@link Ids#pack} codes it ({@link #rrn}), may be none
 */
public record SettlementRecord(
        String file,
        int line,
        String merchantId,
        String terminalId,
        LocalDateTime txnTime,
        LocalDate settleDate,
        TxnKind type,
        Money amount,
        Money fee,
        Money net,
        long cardKey,
        long authKey,
        long rrnKey,
        String stan,
        String batch) {

    /** A record with its card, auth code and RRN as text. */
    public SettlementRecord(String file, int line, String merchantId, String terminalId, LocalDateTime txnTime,
            LocalDate settleDate, TxnKind type, Money amount, Money fee, Money net, String card, String authCode,
            String rrn, String stan, String batch) {
        this(file, line, merchantId, terminalId, txnTime, settleDate, type, amount, fee, net, Ids.packCard(card),
                Ids.pack(authCode), Ids.pack(rrn), stan, batch);
    }

    /** A record whose source reference is {@code ref}. */
    public SettlementRecord(SourceRef ref, String merchantId, String terminalId, LocalDateTime txnTime,
            LocalDate settleDate, TxnKind type, Money amount, Money fee, Money net, String card, String authCode,
            String rrn, String stan, String batch) {
        this(ref.file(), SourceRef.intLine(ref), merchantId, terminalId, txnTime, settleDate, type, amount, fee, net,
                card, authCode, rrn, stan, batch);
    }

    /** Where the record starts: made when asked for, as a big day holds millions of records. */
    public SourceRef ref() {
        return new SourceRef(file, line);
    }

    /** The masked card or last-4 form, may be null. */
    public String card() {
        return Ids.cardText(cardKey);
    }

    public String authCode() {
        return Ids.text(authKey);
    }

    public String rrn() {
        return Ids.text(rrnKey);
    }

    public String cardLast4() {
        return Ids.cardLast4(cardKey);
    }

    /** As a record prints itself, with the card, auth code and RRN as text rather than codes. */
    @Override
    public String toString() {
        return "SettlementRecord[file=" + file + ", line=" + line + ", merchantId=" + merchantId + ", terminalId="
                + terminalId + ", txnTime=" + txnTime + ", settleDate=" + settleDate + ", type=" + type + ", amount="
                + amount + ", fee=" + fee + ", net=" + net + ", card=" + card() + ", authCode=" + authCode()
                + ", rrn=" + rrn() + ", stan=" + stan + ", batch=" + batch + "]";
    }
}
