package dev.posrecon.core.cases;

import dev.posrecon.core.contact.ContactAdvice;
import dev.posrecon.core.model.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One discrepancy worth a human's time.
 *
 * @param caseId         stable: the same discrepancy gets the same id on every run (a hash of its natural key)
 * @param amountAtStake  never negative; {@code direction} says who owes whom
 * @param reason         a short code for the sub-kind ({@code KEYED_LOW}, {@code DECLINED_BUT_CARD_PAID},
 *                       {@code NO_ORIGINAL}, {@code OTHER_CARD}...)
 * @param detail         one plain sentence for a human
 * @param matchRule      the rule(s) that linked the records ({@code TERMINAL_RRN}, {@code FALLBACK_AMOUNT_CARD_TIME}...)
 * @param ambiguous      true when a fallback found tied candidates and did not guess
 * @param txnTime        local time of the primary record, may be null
 * @param evidence       the records behind the case, sorted
 * @param contact        contact advice, {@link ContactAdvice#none()} until the advisor ran
 */
public record ReconCase(
        String caseId,
        CaseType type,
        Severity severity,
        Direction direction,
        Money amountAtStake,
        LocalDate businessDate,
        String merchantId,
        String terminalId,
        String receiptNo,
        String stan,
        String rrn,
        String authCode,
        String card,
        String memberId,
        LocalDateTime txnTime,
        String reason,
        String detail,
        String matchRule,
        boolean ambiguous,
        List<Evidence> evidence,
        ContactAdvice contact) {

    public ReconCase {
        Objects.requireNonNull(caseId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(amountAtStake);
        if (amountAtStake.isNegative()) {
            throw new IllegalArgumentException("amount at stake is negative: " + amountAtStake);
        }
        evidence = evidence.stream().sorted().toList();
        contact = contact == null ? ContactAdvice.none() : contact;
    }

    public ReconCase withContact(ContactAdvice advice) {
        return new ReconCase(caseId, type, severity, direction, amountAtStake, businessDate, merchantId, terminalId,
                receiptNo, stan, rrn, authCode, card, memberId, txnTime, reason, detail, matchRule, ambiguous,
                evidence, advice);
    }
}
