package dev.posrecon.core.stats;

import java.util.Locale;

/** What an error rate is counted per: the terminal a case's card payment ran on, or who and where rang it up. */
public enum Unit {
    /** a terminal (field 41); its transactions are the approved sales and refunds on the terminal log */
    TERMINAL,
    /** the journal's {@code cashier_id}; a cashier's transactions are the receipts they rang up */
    CASHIER,
    /** the journal's {@code register_id} */
    REGISTER,
    /** the journal's {@code store_id} */
    STORE;

    /** {@code terminal}, {@code cashier}...: the key in summary.json and the CSV's first column. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
