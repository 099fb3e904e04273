package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.model.Cards;

import java.nio.charset.StandardCharsets;

/** Decoding of values (UTF-8 + XML entities) and making raw log text safe and short for a reject. */
final class XmlText {
    /** How much of an entry a reject shows. */
    static final int RAW_CHARS = 200;

    private XmlText() {
    }

    /** UTF-8 bytes to a string, with {@code &amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;} unescaped. */
    static String decode(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '&') {
                return unescape(new String(b, from, to - from, StandardCharsets.UTF_8));
            }
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Where {@code b[from, to)} starts once the ASCII spaces and controls before it are skipped. */
    static int trimStart(byte[] b, int from, int to) {
        while (from < to && b[from] <= ' ' && b[from] >= 0) {
            from++;
        }
        return from;
    }

    /** Where {@code b[from, to)} ends once the ASCII spaces and controls after it are dropped. */
    static int trimEnd(byte[] b, int from, int to) {
        while (to > from && b[to - 1] <= ' ' && b[to - 1] >= 0) {
            to--;
        }
        return to;
    }

    static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            out.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String rep = semi > amp && semi - amp <= 10 ? entity(s.substring(amp + 1, semi)) : null;
            if (rep == null) {
                out.append('&');
                i = amp + 1;
            } else {
                out.append(rep);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        return out.append(s, i, s.length()).toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Raw log text for a reject: whitespace runs collapsed to one space, card fields (2, 35, 45) masked whatever
     * their check digit, any other PAN-like digit run masked, cut to {@link #RAW_CHARS} characters.
     */
    static String rawForReject(String raw) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), 1024));
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\uFFFD') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        String s = Cards.maskInText(maskCardFields(sb.toString()));
        if (s.length() <= RAW_CHARS) {
            return s;
        }
        int cut = RAW_CHARS;
        // never end on the first digits of a number that was cut: it could be the start of a card number
        while (cut > 0 && Character.isDigit(s.charAt(cut - 1)) && Character.isDigit(s.charAt(cut))) {
            cut--;
        }
        return s.substring(0, cut) + "...";
    }

    /** Masks the values of {@code <field id="2|35|45" ...>} (attribute or text content), even when cut short. */
    static String maskCardFields(String s) {
        StringBuilder out = null;
        int from = 0;
        int i = s.indexOf("id=\"", 0);
        while (i >= 0) {
            int q = s.indexOf('"', i + 4);
            String id = q > 0 ? s.substring(i + 4, q) : "";
            if (q > 0 && (id.equals("2") || id.equals("35") || id.equals("45"))) {
                int gt = s.indexOf('>', q);
                int val = s.indexOf("value=\"", q);
                int vs;
                if (val >= 0 && (gt < 0 || val < gt)) {
                    vs = val + 7;
                } else if (gt >= 0) {
                    vs = gt + 1;
                } else {
                    vs = s.length();
                }
                int ve = vs;
                while (ve < s.length() && s.charAt(ve) != '"' && s.charAt(ve) != '<') {
                    ve++;
                }
                if (ve > vs) {
                    if (out == null) {
                        out = new StringBuilder(s.length());
                    }
                    String masked = Cards.mask(s.substring(vs, ve));
                    out.append(s, from, vs).append(masked == null ? "" : masked);
                    from = ve;
                }
                i = s.indexOf("id=\"", Math.max(ve, q + 1));
            } else {
                i = s.indexOf("id=\"", i + 4);
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, from, s.length()).toString();
    }
}
