package dev.posrecon.core.model;

import dev.posrecon.core.error.InputException;

/** Where a record came from: the file name as given on the command line and the 1-based line where it starts. */
public record SourceRef(String file, long line) implements Comparable<SourceRef> {

    @Override
    public int compareTo(SourceRef o) {
        return compare(file, line, o.file, o.line);
    }

    /** The order of two references given by their parts (records keep the parts, not a reference). */
    public static int compare(String fileA, long lineA, String fileB, long lineB) {
        int c = fileA.compareTo(fileB);
        return c != 0 ? c : Long.compare(lineA, lineB);
    }

    /**
     * The line as records keep it, an int: a file of more than 2,147,483,647 lines (60 GB and more of text) is refused,
     * naming it.
     */
    public static int intLine(SourceRef ref) {
        return intLine(ref.file, ref.line);
    }

    /** {@link #intLine(SourceRef)} without making the reference. */
    public static int intLine(String file, long line) {
        if (line < 0 || line > Integer.MAX_VALUE) {
            throw new InputException(file, line, null, "a record on line " + line + ": files of more than "
                    + Integer.MAX_VALUE + " lines are not supported");
        }
        return (int) line;
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
