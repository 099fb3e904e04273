package dev.posrecon.core.ingest.settlement;

import java.util.Locale;

/**
 * The fields of a terminal record a {@code target=terminal} profile maps (see
 * {@link dev.posrecon.core.model.TerminalRecord}): the ISO 8583 data a terminal or register exports as CSV.
 */
enum TerminalColumn implements Column {
    MTI, KIND, PROCESSING_CODE, TERMINAL_ID, MERCHANT_ID, STAN, RRN, AUTH_CODE, RESPONSE_CODE, AMOUNT, CURRENCY,
    CARD, LOCAL_TIME, ORIGINAL_MTI, ORIGINAL_STAN;

    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the field for {@code response_code}, or null */
    static TerminalColumn byKey(String key) {
        for (TerminalColumn c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (TerminalColumn c : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.key());
        }
        return sb.toString();
    }
}
