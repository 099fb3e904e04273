package dev.posrecon.cli;

import dev.posrecon.core.error.StoreException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output directory before any work starts (exit 4), so that a run that cannot write its results fails
 * at once rather than after reading a day, and leaves the directory as it was: it is not created here.
 */
final class OutputDir {
    private OutputDir() {
    }

    static void checkWritable(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException(option + " " + dir + ": exists and is not a directory");
        }
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new StoreException(option + " " + dir + ": cannot be created, " + existing + " is not a directory");
        }
        // Files.isWritable asks access(2), which a read-only mount or an ACL can contradict: try it instead
        try {
            Files.delete(Files.createTempFile(existing, ".posrecon-", ".probe"));
        } catch (AccessDeniedException e) {
            throw new StoreException(option + " " + dir + ": " + (existing.equals(dir.toAbsolutePath().normalize())
                    ? "directory is not writable" : "cannot be created, " + existing + " is not writable")
                    + " (permission denied)", e);
        } catch (IOException e) {
            throw new StoreException(option + " " + dir + ": cannot write in " + existing + ": " + e.getMessage(), e);
        }
    }
}
