package dev.posrecon.core.ingest.settlement;

import java.util.Locale;

/** The canonical settlement columns, in the order of the canonical CSV. */
enum Canonical implements Column {
    MERCHANT_ID, TERMINAL_ID, TXN_TIME, SETTLE_DATE, TYPE, AMOUNT, CURRENCY, FEE, NET, CARD, AUTH_CODE, RRN, STAN,
    BATCH;

    /** The column name as written in files and profiles: {@code merchant_id}. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean summable() {
        return this == AMOUNT || this == FEE || this == NET;
    }

    /** @return the column for {@code merchant_id}, or null */
    static Canonical byKey(String key) {
        for (Canonical c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Canonical c : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.key());
        }
        return sb.toString();
    }
}
