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
        return stage(target, body).commit();
    }

    /**
     * A file written to its temporary name beside the target and forced to disk, not yet in place: {@link #commit}
     * moves it over the target, {@link #discard} removes it. A run that writes files on two threads stages what one
     * thread writes until the other's files are written, so that the files in place after a failure are those a
     * one-thread run leaves.
     */
    public static final class Staged {
        private final Path target;
        private final Path tmp;
        private boolean done;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        /** Moves the file into place; fails as {@link #write} does. */
        public Path commit() {
            done = true;
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                throw failed(target, tmp, e);
            }
        }

        /** Removes the staged file, unless it was committed. */
        public void discard() {
            if (!done) {
                done = true;
                deleteQuietly(tmp);
            }
        }
    }

    /** Writes {@code body} to the target's temporary file, forced to disk, and leaves it there to be committed. */
    public static Staged stage(Path target, Body body) {
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
            return new Staged(target, tmp);
        } catch (IOException e) {
            throw failed(target, tmp, e);
        }
    }

    private static StoreException failed(Path target, Path tmp, IOException e) {
        deleteQuietly(tmp);
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory or not creatable: "
                + e.getMessage() : e instanceof java.nio.file.AccessDeniedException ? "permission denied: "
                + e.getMessage() : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way: "
                + e.getMessage() : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                ? fse.getReason() + ": " + fse.getFile() : String.valueOf(e.getMessage());
        return new StoreException("cannot write " + target + ": " + why, e);
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
