package dev.posrecon.core.model;

/** An input record the tool could not read: {@code file:line: reason}, with the raw text (PANs masked). */
public record Reject(String file, long line, String reason, String raw) implements Comparable<Reject> {

    /**
     * The reason may quote a field's value ("MTI '0210240440110' is not four digits"): any card number in it is
     * masked here, whichever reader wrote it, as in the raw text.
     */
    public Reject {
        reason = Cards.maskInText(reason);
        raw = Cards.maskInText(raw);
    }

    @Override
    public int compareTo(Reject o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Long.compare(line, o.line);
        return c != 0 ? c : reason.compareTo(o.reason);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
