package dev.posrecon.core.report;

import dev.posrecon.core.error.StoreException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: into a temporary file beside it, forced to disk, then moved over the target, so a
 * crash never leaves a half-written case file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Body of a write. */
    @FunctionalInterface
    public interface Body {
        void write(Writer w) throws IOException;
    }

    public static Path write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream os = Channels.newOutputStream(ch);
                 Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8),
                         1 << 16)) {
                body.write(w);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error matters more
            }
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory or not creatable: "
                    + e.getMessage() : e instanceof java.nio.file.AccessDeniedException ? "permission denied: "
                    + e.getMessage() : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way: "
                    + e.getMessage() : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() + ": " + fse.getFile() : String.valueOf(e.getMessage());
            throw new StoreException("cannot write " + target + ": " + why, e);
        }
    }
}
