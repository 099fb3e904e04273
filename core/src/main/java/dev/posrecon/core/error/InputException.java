package dev.posrecon.core.error;

/**
 * An input that cannot be read at all (missing file, wrong format, bad header), naming file, line and field.
 * Record-level problems do not throw: they become rejects and the run carries on.
 */
public class InputException extends ReconException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;
    private final String field;

    public InputException(String file, long line, String field, String problem) {
        super(ExitCodes.BAD_INPUT, format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public InputException(String file, long line, String field, String problem, Throwable cause) {
        super(ExitCodes.BAD_INPUT, format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        // field and problem may quote what the file holds (a header cell, a key, a value): no card number leaves
        // in a message; the file's own name is the user's and stays as given
        if (field != null) {
            sb.append("field '").append(dev.posrecon.core.model.Cards.maskInText(field)).append("': ");
        }
        sb.append(dev.posrecon.core.model.Cards.maskInText(problem));
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
