package dev.posrecon.core.ingest.settlement;

import dev.posrecon.core.ingest.TextInput;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.SettlementRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Settlement readers by profile. A profile (a small properties file) maps an acquirer's layout onto the canonical
 * settlement columns; profiles ship for common layouts (see {@link #shippedProfiles()}) and users write their own.
 * The keys are documented in {@code dev/posrecon/profiles/README.md}.
 */
public final class SettlementReaders {
    /** The profile used when none is named. */
    public static final String DEFAULT_PROFILE = "canonical";
    private static final String RESOURCES = "/dev/posrecon/profiles/";
    /** Rows read from the head of a file when detecting its profile. */
    private static final int DETECT_ROWS = 64;

    private SettlementReaders() {
    }

    /**
     * @param profile  a shipped profile name, a profile file path, or null for {@code canonical}
     * @param encoding the file encoding, or null to detect (a byte order mark, else the profile's, else UTF-8)
     * @throws InputException when the profile cannot be found or is invalid (naming the key)
     */
    public static RecordReader<SettlementRecord> open(String profile, Charset encoding, ReconConfig config) {
        return new ProfileReader(load(profile, Profile.Target.SETTLEMENT), encoding, config);
    }

    /** The shipped profile names (settlement and terminal profiles), sorted. */
    public static List<String> shippedProfiles() {
        List<String> names = new ArrayList<>();
        try (InputStream in = SettlementReaders.class.getResourceAsStream(RESOURCES + "index")) {
            if (in == null) {
                throw new IllegalStateException("profile index missing from the jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String n = line.strip();
                if (!n.isEmpty() && !n.startsWith("#")) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the profile index", e);
        }
        return List.copyOf(new TreeSet<>(names));
    }

    /** Name, description, format, encoding and assumptions of a shipped profile or a profile file. */
    public static ProfileInfo describe(String profile) {
        Profile p = load(profile);
        return new ProfileInfo(p.name, p.target.name().toLowerCase(java.util.Locale.ROOT), p.description,
                p.formatName(), p.encoding.name(), p.assumes);
    }

    /** The text of a shipped profile or a profile file, as written (for {@code posrecon profiles show}). */
    public static String profileText(String profile) {
        String name = profile == null ? DEFAULT_PROFILE : profile;
        if (shippedProfiles().contains(name)) {
            return new String(resource(name), StandardCharsets.UTF_8);
        }
        Path f = Path.of(name);
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw notFound(name);
        }
    }

    /**
     * The shipped settlement profile that fits a file, judged by its head: for delimited layouts, the header row holds every
     * column the profile requires (the profile requiring most columns wins); for fixed-width layouts, the first
     * line matches the profile's {@code detect.regex}.
     *
     * @param encoding the file's encoding, or null to detect as {@link #open} does
     * @return the profile name, or empty when none fits
     */
    public static Optional<String> detect(Path file, Charset encoding) {
        return detect(file, encoding, Profile.Target.SETTLEMENT);
    }

    /** The shipped profile of any target (settlement or terminal) that fits a file best, as {@link #detect}. */
    public static Optional<String> detectAny(Path file, Charset encoding) {
        return detect(file, encoding, null);
    }

    /** @param target the profiles to try, null for all */
    static Optional<String> detect(Path file, Charset encoding, Profile.Target target) {
        String best = null;
        int bestScore = 0;
        for (String name : shippedProfiles()) {
            Profile p = load(name);
            if (target != null && p.target != target) {
                continue;
            }
            int score = fit(p, file, encoding);
            if (score > bestScore) {
                best = name;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How well a profile fits a file's head: 0 = not at all, else the number of columns it found. */
    private static int fit(Profile p, Path file, Charset encoding) {
        if (p.format == Profile.Format.FIXED_WIDTH || !p.header) {
            try {
                return p.detectRegex != null && firstLineMatches(p, file, encoding) ? p.spans.size() : 0;
            } catch (RuntimeException e) {
                return 0;
            }
        }
        try (RowStream rows = new RowStream(p, TextInput.open(file, file.toString(), encoding, p.encoding),
                file.toString())) {
            RowStream.Row first = null;
            for (int i = 0; i < DETECT_ROWS && rows.header() == null; i++) {
                first = rows.next();
                if (first == null) {
                    break;
                }
            }
            if (rows.header() == null) {
                return 0;
            }
            int found = 0;
            for (Profile.Source s : p.requiredSources()) {
                if (s.name() != null) {
                    if (rows.headerIndex(s.name()) == null) {
                        return 0;
                    }
                    found++;
                }
            }
            return found;
        } catch (RuntimeException e) {
            return 0; // unreadable in this profile's encoding or layout: it does not fit
        }
    }

    private static boolean firstLineMatches(Profile p, Path file, Charset encoding) {
        TextInput.Opened in = TextInput.open(file, file.toString(), encoding, p.encoding);
        try (Reader r = in.reader()) {
            StringBuilder line = new StringBuilder();
            long lineNo = 1;
            int c;
            while ((c = r.read()) != -1 && line.length() < 4096) {
                if (c == '\n') {
                    if (lineNo > p.skipLines && !line.toString().isBlank()) {
                        break;
                    }
                    line.setLength(0);
                    lineNo++;
                } else if (c != '\r') {
                    line.append((char) c);
                }
            }
            return p.detectRegex.matcher(line).lookingAt();
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads a profile and checks it is of the target the caller reads. */
    static Profile load(String profile, Profile.Target target) {
        Profile p = load(profile);
        if (p.target != target) {
            boolean terminal = p.target == Profile.Target.TERMINAL;
            throw new InputException(p.origin, 0, "target", terminal
                    ? "a terminal profile (target=terminal) cannot read a settlement file; give it with "
                    + "--terminal-profile"
                    : "a settlement profile cannot read a terminal log; a terminal profile has target=terminal");
        }
        return p;
    }

    static Profile load(String profile) {
        String name = profile == null ? DEFAULT_PROFILE : profile.strip();
        if (shippedProfiles().contains(name)) {
            return parse(name, name + ".properties (shipped profile)", new String(resource(name),
                    StandardCharsets.UTF_8));
        }
        Path f = Path.of(name);
        if (!Files.isRegularFile(f)) {
            throw notFound(name);
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read the profile (it must be UTF-8): " + e.getMessage());
        }
        String file = f.getFileName().toString();
        String shortName = file.endsWith(".properties") ? file.substring(0, file.length() - 11) : file;
        return parse(shortName, name, text);
    }

    private static Profile parse(String name, String origin, String text) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(origin, 0, null, "not a properties file: " + e.getMessage());
        }
        return Profile.of(name, origin, p);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SettlementReaders.class.getResourceAsStream(RESOURCES + name + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("shipped profile missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped profile " + name, e);
        }
    }

    private static InputException notFound(String name) {
        return new InputException(name, 0, null, "no such settlement profile: not a shipped profile ("
                + String.join(", ", shippedProfiles()) + ") and not a readable file");
    }
}
