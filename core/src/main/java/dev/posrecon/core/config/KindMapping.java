package dev.posrecon.core.config;

import dev.posrecon.core.model.TxnKind;

import java.util.Map;
import java.util.TreeMap;

/**
 * Message type + processing code to transaction kind. Keys are {@code CLASS.PROC}: the MTI's message class (its
 * second digit, written with a leading zero: {@code 02} for 0200/0210/0220/2200, {@code 04} for 0400/0420/2420...) and the first two digits
 * of field 3, or {@code *} for any. Value {@code IGNORE} skips the message. The most specific key wins.
 */
public final class KindMapping {
    /** Returned for messages to skip (network management). */
    public static final String IGNORE = "IGNORE";

    private final Map<String, String> table;

    public KindMapping(Map<String, String> table) {
        this.table = new TreeMap<>(table);
    }

    public static KindMapping defaults() {
        Map<String, String> m = new TreeMap<>();
        m.put("01.00", "SALE");
        m.put("02.00", "SALE");
        m.put("02.20", "REFUND");
        m.put("02.02", "VOID");
        m.put("02.22", "VOID");
        m.put("04.*", "REVERSAL");
        m.put("08.*", IGNORE);
        return new KindMapping(m);
    }

    public KindMapping with(String key, String value) {
        Map<String, String> m = new TreeMap<>(table);
        m.put(key, value);
        return new KindMapping(m);
    }

    /**
     * @param mti  four digits, any version (0xxx, 1xxx, 2xxx)
     * @param proc field 3 or null
     * @return the kind, or null when the message is to be ignored or unknown (see {@link #isIgnored})
     */
    public TxnKind kindOf(String mti, String proc) {
        String v = lookup(mti, proc);
        if (v == null || IGNORE.equals(v)) {
            return null;
        }
        return TxnKind.valueOf(v);
    }

    /** True when the mapping says to skip this message (network management by default). */
    public boolean isIgnored(String mti, String proc) {
        return IGNORE.equals(lookup(mti, proc));
    }

    private String lookup(String mti, String proc) {
        if (mti == null || mti.length() != 4) {
            return null;
        }
        String cls = "0" + mti.charAt(1);
        // 0220/0230 advices and 0100 authorisations share the financial mapping of their class
        if (proc != null && proc.length() >= 2) {
            String v = table.get(cls + "." + proc.substring(0, 2));
            if (v != null) {
                return v;
            }
        }
        return table.get(cls + ".*");
    }

    public Map<String, String> table() {
        return table;
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
