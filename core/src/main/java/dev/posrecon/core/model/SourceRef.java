package dev.posrecon.core.model;

/** Where a record came from: the file name as given on the command line and the 1-based line where it starts. */
public record SourceRef(String file, long line) implements Comparable<SourceRef> {

    @Override
    public int compareTo(SourceRef o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
