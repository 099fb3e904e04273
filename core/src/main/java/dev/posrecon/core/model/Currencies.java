package dev.posrecon.core.model;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/** ISO 4217 look-ups by alphabetic or numeric code (ISO 8583 field 49 carries the numeric one). */
public final class Currencies {
    private static final Map<String, Currency> BY_NUMERIC = new HashMap<>();

    static {
        for (Currency c : Currency.getAvailableCurrencies()) {
            int n = c.getNumericCode();
            if (n > 0) {
                BY_NUMERIC.putIfAbsent(String.format("%03d", n), c);
            }
        }
    }

    private Currencies() {
    }

    /**
     * Resolves {@code "CNY"}, {@code "cny"} or {@code "156"}.
     *
     * @return the currency, or null when the code is unknown
     */
    public static Currency resolve(String code) {
        if (code == null) {
            return null;
        }
        String t = code.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (Character.isDigit(t.charAt(0))) {
            try {
                return BY_NUMERIC.get(String.format("%03d", Integer.parseInt(t)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return Currency.getInstance(t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
