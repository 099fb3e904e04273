package dev.posrecon.core.model;

/**
 * One tender of a receipt. Card references (terminal, STAN, RRN, auth code, card ending) are those the register
 * printed from the terminal's slip; any may be null.
 */
public record Tender(
        String file,
        int line,
        TenderType type,
        Money amount,
        String terminalId,
        String stan,
        long rrnKey,
        long authKey,
        String cardLast4) {

    /** A tender with its RRN and auth code as text. */
    public Tender(String file, int line, TenderType type, Money amount, String terminalId, String stan, String rrn,
            String authCode, String cardLast4) {
        this(file, line, type, amount, terminalId, stan, Ids.pack(rrn), Ids.pack(authCode), cardLast4);
    }

    /** A record whose source reference is {@code ref}. */
    public Tender(SourceRef ref, TenderType type, Money amount, String terminalId, String stan, String rrn,
            String authCode, String cardLast4) {
        this(ref.file(), SourceRef.intLine(ref), type, amount, terminalId, stan, rrn, authCode, cardLast4);
    }

    /** The RRN the slip printed, may be null ({@link Ids#pack} holds it as {@code rrnKey}). */
    public String rrn() {
        return Ids.text(rrnKey);
    }

    /** The auth code the slip printed, may be null. */
    public String authCode() {
        return Ids.text(authKey);
    }

    /** Where the record starts: made when asked for, as a big day holds millions of records. */
    public SourceRef ref() {
        return new SourceRef(file, line);
    }

    /** As a record prints itself, with the RRN and auth code as text rather than codes. */
    @Override
    public String toString() {
        return "Tender[file=" + file + ", line=" + line + ", type=" + type + ", amount=" + amount + ", terminalId="
                + terminalId + ", stan=" + stan + ", rrn=" + rrn() + ", authCode=" + authCode() + ", cardLast4="
                + cardLast4 + "]";
    }
}
