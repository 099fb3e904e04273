package dev.posrecon.cli;

import dev.posrecon.core.error.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks on the input files a command is given, before any is read. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * Refuses (exit 2) a file given twice, to one option or to two: read twice, every record in it would be counted
     * twice (a day of duplicate charges); one file cannot be two sources. The same file is found through another
     * path to it too ({@code ./a.xml}, a symlink, a hard link).
     *
     * @param options the option names, in the order of {@code files}
     */
    static void checkEachGivenOnce(String[] options, List<List<Path>> files) {
        Map<Object, String[]> seen = new HashMap<>();
        for (int i = 0; i < options.length; i++) {
            for (Path p : files.get(i)) {
                String[] first = seen.putIfAbsent(identity(p), new String[] {options[i], p.toString()});
                if (first == null) {
                    continue;
                }
                String as = first[1].equals(p.toString()) ? "" : " (as " + first[1] + " and " + p + ")";
                if (first[0].equals(options[i])) {
                    throw new UsageException(options[i] + ": " + p + " is given twice" + as
                            + ": every record in it would be read twice; give each file once");
                }
                throw new UsageException(p + " is given to both " + first[0] + " and " + options[i] + as
                        + ": one file cannot be two sources");
            }
        }
    }

    /** What makes two paths the same file: its device and inode where the file system says, else its real path. */
    private static Object identity(Path p) {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return key != null ? key : p.toRealPath();
        } catch (IOException | RuntimeException e) {
            // missing or unreadable: reading it will say so; until then the path is all there is
            return p.toAbsolutePath().normalize();
        }
    }
}
