package dev.posrecon.core.store;

import dev.posrecon.core.error.InputException;
import dev.posrecon.core.error.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Which ledger, and how to log in to it: what {@code --db}, {@code --db-user}, {@code --db-password-env},
 * {@code --db-password-file} and {@code --wait} say, resolved once, the same for every command that takes
 * {@code --db} (reconcile, cases, audit, receipt, ledger, and any later one that opens the ledger through
 * {@link Ledger#open(LedgerAccess)}).
 *
 * <p>Credentials never travel on the command line, where {@code ps} and the shell's history show them: a URL that
 * holds a password is refused. On PostgreSQL the user is the URL's {@code user=} when it has one (the driver lets
 * the URL win), else {@code --db-user}, else {@code PGUSER}, else the driver's default (the OS user); the password is read from the environment variable
 * {@code --db-password-env} names or the first line of {@code --db-password-file}, else {@code PGPASSWORD}, else the
 * driver finds it in {@code PGPASSFILE} or {@code ~/.pgpass} as libpq would.
 *
 * @param url      the JDBC URL ({@link Ledger#url(String)} of {@code --db})
 * @param user     the user to log in as, null for the URL's or the driver's
 * @param password the password, null for none given (the driver may still find one in {@code ~/.pgpass})
 * @param lockWait how long a reconcile run waits for a run that holds the ledger; zero refuses at once
 * @param notices  told one line when a run starts waiting (the command prints it on stderr)
 */
public record LedgerAccess(String url, String user, String password, Duration lockWait, Consumer<String> notices) {
    private static final Pattern PASSWORD_IN_URL = Pattern.compile(
            "(?i)([?&;]password=)|(^jdbc:[a-z0-9]+://[^/@?;]*:[^/@?;]*@)");

    public LedgerAccess {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no ledger URL");
        }
        lockWait = lockWait == null ? Duration.ZERO : lockWait;
        notices = notices == null ? line -> { } : notices;
    }

    /** The ledger {@code --db} names (null for the default), credentials from the environment only. */
    public static LedgerAccess of(String db) {
        return resolve(db, null, null, null, Duration.ZERO, null, System.getenv());
    }

    /**
     * Resolves the {@code --db} options.
     *
     * @param passwordEnv  the name of an environment variable holding the password, or null
     * @param passwordFile a file whose first line is the password, or null
     * @param env          the environment ({@code PGUSER}, {@code PGPASSWORD}, the variable passwordEnv names)
     * @throws UsageException (exit 2) for a URL with a password in it, a password without a place to come from
     * @throws InputException (exit 3) for a password file that cannot be read
     */
    public static LedgerAccess resolve(String db, String user, String passwordEnv, Path passwordFile, Duration lockWait,
                                       Consumer<String> notices, Map<String, String> env) {
        String url = Ledger.url(db);
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw new UsageException("--db: the URL holds a password, and a password on the command line shows in ps"
                    + " and the shell's history; give it through PGPASSWORD, ~/.pgpass, or --db-user with"
                    + " --db-password-env VAR or --db-password-file FILE (see docs/LEDGER.md)");
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new UsageException("--db-password-env and --db-password-file exclude each other");
        }
        if (lockWait != null && lockWait.isNegative()) {
            throw new UsageException("--wait must be 0 or more seconds");
        }
        boolean pg = isPostgres(url);
        String u = user != null && !user.isBlank() ? user : pg ? blankToNull(env.get("PGUSER")) : null;
        String pw = null;
        if (passwordEnv != null) {
            pw = env.get(passwordEnv);
            if (pw == null || pw.isEmpty()) {
                throw new UsageException("--db-password-env " + passwordEnv + ": the environment has no variable "
                        + passwordEnv + " (or it is empty)");
            }
        } else if (passwordFile != null) {
            pw = firstLine(passwordFile);
        } else if (pg) {
            pw = blankToNull(env.get("PGPASSWORD"));
        }
        return new LedgerAccess(url, u, pw, lockWait, notices);
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = (nl < 0 ? text : text.substring(0, nl)).strip();
            if (line.isEmpty()) {
                throw new InputException(file.toString(), 1, null, "--db-password-file: the first line is empty");
            }
            return line;
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "--db-password-file: cannot read it: " + e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Whether the URL names a PostgreSQL database. */
    public static boolean isPostgres(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** The same ledger and credentials, waiting up to {@code wait} for a run that holds it. */
    public LedgerAccess withLockWait(Duration wait, Consumer<String> onWait) {
        return new LedgerAccess(url, user, password, wait, onWait);
    }

    /** The driver's connection properties. */
    Properties properties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        if (isPostgres(url)) {
            p.putIfAbsent("ApplicationName", "posrecon");
        }
        return p;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LedgerAccess[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", lockWait=" + lockWait + "]";
    }
}
