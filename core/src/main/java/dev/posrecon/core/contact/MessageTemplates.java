package dev.posrecon.core.contact;

import dev.posrecon.core.error.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message drafts' texts: {@code dev/posrecon/templates/messages_LANG.properties} on the class path, each key
 * overridable from a directory holding files of the same names (setting {@code contact.templates}).
 * <p>
 * A template names values as {@code {amount}}; text inside {@code [[ ... ]]} is left out when a value in it is
 * missing; a missing value elsewhere prints {@code -}.
 */
public final class MessageTemplates {
    /** The draft languages. */
    public static final List<String> LANGUAGES = List.of("en", "zh");
    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS = Collections.unmodifiableSet(new TreeSet<>(List.of("amount",
            "currency", "date", "time", "card", "merchant", "merchant_id", "terminal", "receipt", "rrn", "stan", "auth",
            "name", "summary", "next")));

    private static final String RESOURCE = "/dev/posrecon/templates/messages_%s.properties";
    private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Map<String, Map<String, String>> byLanguage;

    private MessageTemplates(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The built-in texts. */
    public static MessageTemplates builtIn() {
        return load(null);
    }

    /**
     * The built-in texts with the keys found in {@code overrideDir}'s {@code messages_en.properties} /
     * {@code messages_zh.properties} replacing theirs.
     *
     * @param overrideDir a directory, or null for the built-in texts only
     * @throws InputException when the directory is missing, a file cannot be read, or a template names an unknown
     *                        placeholder
     */
    public static MessageTemplates load(Path overrideDir) {
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new InputException(overrideDir.toString(), 0, "contact.templates",
                    "expected a directory holding messages_en.properties / messages_zh.properties, found none");
        }
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String lang : LANGUAGES) {
            String resource = String.format(RESOURCE, lang);
            Map<String, String> texts = new TreeMap<>();
            try (InputStream in = MessageTemplates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in templates missing: " + resource);
                }
                read(new InputStreamReader(in, StandardCharsets.UTF_8), texts);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in templates " + resource, e);
            }
            if (overrideDir != null) {
                Path file = overrideDir.resolve("messages_" + lang + ".properties");
                if (Files.exists(file)) {
                    Map<String, String> own = new TreeMap<>();
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        read(r, own);
                    } catch (IOException e) {
                        throw new InputException(file.toString(), 0, null, "cannot read templates: " + e.getMessage());
                    }
                    for (Map.Entry<String, String> e : own.entrySet()) {
                        String unknown = unknownPlaceholder(e.getValue());
                        if (unknown != null) {
                            throw new InputException(file.toString(), 0, e.getKey(), "unknown placeholder {"
                                    + unknown + "} (known: " + String.join(", ", PLACEHOLDERS) + ")");
                        }
                    }
                    texts.putAll(own);
                }
            }
            all.put(lang, Collections.unmodifiableMap(texts));
        }
        return new MessageTemplates(Collections.unmodifiableMap(all));
    }

    private static void read(Reader r, Map<String, String> into) throws IOException {
        Properties p = new Properties();
        p.load(r);
        for (String k : p.stringPropertyNames()) {
            into.put(k, p.getProperty(k).strip());
        }
    }

    /** The first placeholder in {@code template} that is not in {@link #PLACEHOLDERS}, or null. */
    static String unknownPlaceholder(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {@code en} or {@code zh} for a language tag ({@code zh-CN}, {@code zh_Hans} → zh; anything else → en). */
    public static String language(String tag) {
        return tag != null && tag.trim().toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    /** The keys of one language, sorted (for tests and for merchants writing overrides). */
    public Set<String> keys(String lang) {
        return byLanguage.get(language(lang)).keySet();
    }

    /** The text of the first of {@code keys} that exists in {@code lang}, or null. */
    public String find(String lang, List<String> keys) {
        Map<String, String> texts = byLanguage.get(language(lang));
        for (String k : keys) {
            String t = texts.get(k);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Fills a template's placeholders from {@code values} (null or empty values count as missing). */
    public static String render(String template, Map<String, String> values) {
        Matcher opt = OPTIONAL.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (opt.find()) {
            String inner = opt.group(1);
            Matcher ph = PLACEHOLDER.matcher(inner);
            boolean complete = true;
            while (ph.find()) {
                String v = values.get(ph.group(1));
                if (v == null || v.isEmpty()) {
                    complete = false;
                    break;
                }
            }
            opt.appendReplacement(sb, Matcher.quoteReplacement(complete ? inner : ""));
        }
        opt.appendTail(sb);
        Matcher ph = PLACEHOLDER.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (ph.find()) {
            String v = values.get(ph.group(1));
            ph.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isEmpty() ? "-" : v));
        }
        ph.appendTail(out);
        return out.toString();
    }
}
