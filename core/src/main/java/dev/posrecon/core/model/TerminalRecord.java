package dev.posrecon.core.model;

import java.time.LocalDateTime;

/**
 * One logical terminal transaction: a request paired with its response, or with none (a timeout).
 *
 * @param file          the log's name as given (the request's and, unless read back from a ledger, the response's)
 * @param line          the line where the request starts ({@link #ref})
 * @param responseFile  the file of the response, null for a timeout
 * @param responseLine  the line where the response starts, 0 for a timeout ({@link #responseRef})
 * @param requestMti    the request's MTI as written ({@code 0200}, {@code 2100}, {@code 0420}...)
 * @param kind          SALE, REFUND, VOID or REVERSAL
 * @param processingCode field 3, may be null
 * @param terminalId    field 41
 * @param merchantId    field 42
 * @param stan          field 11, digits as written without leading zeros normalised (see {@link #normStan})
 * @param rrnKey        field 37 (request or response) as {@link Ids#pack} codes it ({@link #rrn}), may be none
 * @param authKey       field 38 from the response as {@link Ids#pack} codes it ({@link #authCode}), may be none
 * @param responseCode  field 39 from the response, null for a timeout
 * @param approved      response code is in the configured approved list
 * @param amount        field 4 in minor units with field 49's currency
 * @param cardKey       PAN masked first 6 / last 4 as {@link Ids#packCard} codes it ({@link #card}), may be none
 * @param localTime     fields 12/13 when present, else the log entry's time, in the merchant's local time
 * @param originalMti   field 90's original MTI (voids and reversals), may be null
 * @param originalStan  field 90's original STAN, may be null
 */
public record TerminalRecord(
        String file,
        int line,
        String responseFile,
        int responseLine,
        String requestMti,
        TxnKind kind,
        String processingCode,
        String terminalId,
        String merchantId,
        String stan,
        long rrnKey,
        long authKey,
        String responseCode,
        boolean approved,
        Money amount,
        long cardKey,
        LocalDateTime localTime,
        String originalMti,
        String originalStan) {

    /** A record with its RRN, auth code and card as text. */
    public TerminalRecord(String file, int line, String responseFile, int responseLine, String requestMti,
            TxnKind kind, String processingCode, String terminalId, String merchantId, String stan, String rrn,
            String authCode, String responseCode, boolean approved, Money amount, String card,
            LocalDateTime localTime, String originalMti, String originalStan) {
        this(file, line, responseFile, responseLine, requestMti, kind, processingCode, terminalId, merchantId, stan,
                Ids.pack(rrn), Ids.pack(authCode), responseCode, approved, amount, Ids.packCard(card), localTime,
                originalMti, originalStan);
    }

    /** A record whose source reference is {@code ref} (and its response's {@code responseRef}, null for none). */
    public TerminalRecord(SourceRef ref, SourceRef responseRef, String requestMti, TxnKind kind, String processingCode,
            String terminalId, String merchantId, String stan, String rrn, String authCode, String responseCode,
            boolean approved, Money amount, String card, LocalDateTime localTime, String originalMti,
            String originalStan) {
        this(ref.file(), SourceRef.intLine(ref), responseRef == null ? null : responseRef.file(),
                responseRef == null ? 0 : SourceRef.intLine(responseRef), requestMti, kind, processingCode, terminalId,
                merchantId, stan, rrn, authCode, responseCode, approved, amount, card, localTime, originalMti,
                originalStan);
    }

    /** Where the record starts: made when asked for, as a big day holds millions of records. */
    public SourceRef ref() {
        return new SourceRef(file, line);
    }

    /** Where the response starts, null for a timeout. */
    public SourceRef responseRef() {
        return responseFile == null ? null : new SourceRef(responseFile, responseLine);
    }

    /** Normalised STANs of up to six digits by value, made when first asked for. */
    private static final String[] STANS = new String[1_000_000];

    public boolean timedOut() {
        return responseFile == null;
    }

    /** Field 37, may be null. */
    public String rrn() {
        return Ids.text(rrnKey);
    }

    /** Field 38, may be null. */
    public String authCode() {
        return Ids.text(authKey);
    }

    /** The masked card, may be null. */
    public String card() {
        return Ids.cardText(cardKey);
    }

    public String cardLast4() {
        return Ids.cardLast4(cardKey);
    }

    /** STANs compare as numbers: {@code 000123} and {@code 123} are the same trace. */
    public static String normStan(String stan) {
        if (stan == null) {
            return null;
        }
        int n = stan.length();
        if (n > 0 && n <= 6) {
            // the usual six digits: one shared string per value (asked for every record, tender and line)
            int v = Digits.value(stan, 0, n);
            if (v >= 0) {
                String s = STANS[v];
                if (s == null) {
                    s = Integer.toString(v);
                    STANS[v] = s; // a racing thread at worst makes an equal string
                }
                return s;
            }
        }
        String t = stan.trim();
        int i = 0;
        while (i < t.length() - 1 && t.charAt(i) == '0') {
            i++;
        }
        return t.isEmpty() ? null : t.substring(i);
    }

    /** As a record prints itself, with the RRN, auth code and card as text rather than codes. */
    @Override
    public String toString() {
        return "TerminalRecord[file=" + file + ", line=" + line + ", responseFile=" + responseFile + ", responseLine="
                + responseLine + ", requestMti=" + requestMti + ", kind=" + kind + ", processingCode=" + processingCode
                + ", terminalId=" + terminalId + ", merchantId=" + merchantId + ", stan=" + stan + ", rrn=" + rrn()
                + ", authCode=" + authCode() + ", responseCode=" + responseCode + ", approved=" + approved
                + ", amount=" + amount + ", card=" + card() + ", localTime=" + localTime + ", originalMti="
                + originalMti + ", originalStan=" + originalStan + "]";
    }
}
