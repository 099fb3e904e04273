package dev.posrecon.core.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable case ids: a hash of the discrepancy's natural key (type, reason and the business references of its
 * primary record), never of file names, line numbers or run times — so the same discrepancy gets the same id on
 * every run, whatever the input order.
 */
public final class CaseIds {
    private CaseIds() {
    }

    public static String of(CaseType type, String... keyParts) {
        StringBuilder sb = new StringBuilder(type.name());
        for (String p : keyParts) {
            sb.append('|').append(p == null ? "" : p);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "PR-" + HexFormat.of().withUpperCase().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
