package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.model.Cards;

import java.time.LocalDateTime;

/**
 * The fields posrecon uses from one ISO 8583 message, as written (trimmed; empty values are null). Card data is
 * masked the moment it is set: a full PAN never lives here.
 */
final class IsoMessage {
    /** Field ids {@link #set} keeps; all others are skipped without making a string. */
    private static final boolean[] WANTED = new boolean[129];
    /** Field ids whose values repeat across a log: read through {@link ByteStrings}. Never card data. */
    private static final boolean[] SHARED = new boolean[129];

    static {
        for (int id : new int[]{0, 2, 3, 4, 7, 11, 12, 13, 35, 37, 38, 39, 41, 42, 45, 49, 56, 90}) {
            WANTED[id] = true;
        }
        for (int id : new int[]{0, 3, 7, 11, 12, 13, 39, 41, 42, 49}) {
            SHARED[id] = true;
        }
    }

    final long line;
    final String at;
    final LocalDateTime atTime;
    String mti;
    String pan;
    String track2;
    String track1;
    String proc;
    String amount;
    boolean amountIsDecimal;
    String amountCurrency;
    String f7;
    String stan;
    String f12;
    String f13;
    String rrn;
    String auth;
    String rc;
    String tid;
    String mid;
    String f49;
    String f56;
    String f90;

    /**
     * @param at     the log entry's time as written, when it is not plain ISO (else null)
     * @param atTime the log entry's time when it is plain ISO, read already (else null)
     */
    IsoMessage(long line, String at, LocalDateTime atTime) {
        this.line = line;
        this.at = at;
        this.atTime = atTime;
    }

    static boolean wanted(int id) {
        return id >= 0 && id < WANTED.length && WANTED[id];
    }

    /** True for the few-valued fields worth sharing one string per value; never for card data (2, 35, 45). */
    static boolean shared(int id) {
        return id >= 0 && id < SHARED.length && SHARED[id];
    }

    void set(int id, String value) {
        String v = value == null ? null : value.trim();
        if (v != null && v.isEmpty()) {
            v = null;
        }
        switch (id) {
            case 0 -> mti = v;
            case 2 -> pan = Cards.mask(v);
            case 3 -> proc = v;
            case 4 -> amount = v;
            case 7 -> f7 = v;
            case 11 -> stan = v;
            case 12 -> f12 = v;
            case 13 -> f13 = v;
            case 35 -> track2 = Cards.mask(v);
            case 37 -> rrn = v;
            case 38 -> auth = v;
            case 39 -> rc = v;
            case 41 -> tid = v;
            case 42 -> mid = v;
            case 45 -> track1 = Cards.mask(v);
            case 49 -> f49 = v;
            case 56 -> f56 = v;
            case 90 -> f90 = v;
            default -> {
            }
        }
    }

    /** The masked card: field 2, else the PAN of track 2 (35), else of track 1 (45). */
    String card() {
        return pan != null ? pan : track2 != null ? track2 : track1;
    }
}
