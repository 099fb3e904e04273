package dev.posrecon.core.config;

import dev.posrecon.core.error.InputException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every setting of a run, immutable. Loaded once (explicit {@code --config}, else {@code posrecon.properties} in
 * the working directory, else built-in defaults) and passed into core; {@link #toString()} prints every setting so
 * a run can log exactly what it used. Keys are documented in the README and in {@link #KEYS}.
 */
public final class ReconConfig {

    /** Every key the properties file may hold, with its default, in documentation order. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("zone", "(system zone)");
        k.put("currency", "CNY");
        k.put("approved.codes", "00");
        k.put("amount.tolerance", "0.00");
        k.put("match.window.minutes", "10");
        k.put("duplicate.window.minutes", "30");
        k.put("business.day.start", "00:00");
        k.put("settlement.lag.days", "3");
        k.put("severity.high.amount", "200.00");
        k.put("severity.medium.amount", "20.00");
        k.put("fee.tolerance", "0.01");
        k.put("fee.rule.NAME", "RATE_PERCENT[,cap=AMOUNT][,card=PREFIX][,merchant=ID]  e.g. fee.rule.standard=0.60");
        k.put("kind.CLASS.PROC", "SALE|REFUND|VOID|REVERSAL|IGNORE  e.g. kind.02.02=VOID");
        k.put("contact.large.amount", "100.00");
        k.put("contact.senior.age", "65");
        k.put("contact.language", "en");
        k.put("contact.daytime", "09:00-20:00");
        k.put("merchant.name", "posrecon demo store");
        k.put("contact.templates", "(built-in)  a directory with messages_en.properties / messages_zh.properties "
                + "overriding the message drafts; relative to the settings file");
        KEYS = Collections.unmodifiableMap(k);
    }

    private final ZoneId zone;
    private final Currency currency;
    private final Set<String> approvedCodes;
    private final long amountToleranceMinor;
    private final Duration matchWindow;
    private final Duration duplicateWindow;
    private final LocalTime businessDayStart;
    private final int settlementLagDays;
    private final long highAmountMinor;
    private final long mediumAmountMinor;
    private final long feeToleranceMinor;
    private final List<FeeRule> feeRules;
    private final KindMapping kindMapping;
    private final long contactLargeAmountMinor;
    private final int contactSeniorAge;
    private final String contactLanguage;
    private final LocalTime daytimeFrom;
    private final LocalTime daytimeTo;
    private final String merchantName;
    private final Path contactTemplates;
    private final String origin;

    private ReconConfig(Builder b) {
        this.zone = b.zone;
        this.currency = b.currency;
        this.approvedCodes = Collections.unmodifiableSet(new TreeSet<>(b.approvedCodes));
        this.amountToleranceMinor = b.amountToleranceMinor;
        this.matchWindow = b.matchWindow;
        this.duplicateWindow = b.duplicateWindow;
        this.businessDayStart = b.businessDayStart;
        this.settlementLagDays = b.settlementLagDays;
        this.highAmountMinor = b.highAmountMinor;
        this.mediumAmountMinor = b.mediumAmountMinor;
        this.feeToleranceMinor = b.feeToleranceMinor;
        List<FeeRule> rules = new ArrayList<>(b.feeRules);
        rules.sort(java.util.Comparator.comparing(FeeRule::name));
        this.feeRules = List.copyOf(rules);
        this.kindMapping = b.kindMapping;
        this.contactLargeAmountMinor = b.contactLargeAmountMinor;
        this.contactSeniorAge = b.contactSeniorAge;
        this.contactLanguage = b.contactLanguage;
        this.daytimeFrom = b.daytimeFrom;
        this.daytimeTo = b.daytimeTo;
        this.merchantName = b.merchantName;
        this.contactTemplates = b.contactTemplates;
        this.origin = b.origin;
    }

    public static ReconConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.zone = zone;
        b.currency = currency;
        b.approvedCodes = new LinkedHashSet<>(approvedCodes);
        b.amountToleranceMinor = amountToleranceMinor;
        b.matchWindow = matchWindow;
        b.duplicateWindow = duplicateWindow;
        b.businessDayStart = businessDayStart;
        b.settlementLagDays = settlementLagDays;
        b.highAmountMinor = highAmountMinor;
        b.mediumAmountMinor = mediumAmountMinor;
        b.feeToleranceMinor = feeToleranceMinor;
        b.feeRules = new ArrayList<>(feeRules);
        b.kindMapping = kindMapping;
        b.contactLargeAmountMinor = contactLargeAmountMinor;
        b.contactSeniorAge = contactSeniorAge;
        b.contactLanguage = contactLanguage;
        b.daytimeFrom = daytimeFrom;
        b.daytimeTo = daytimeTo;
        b.merchantName = merchantName;
        b.contactTemplates = contactTemplates;
        b.origin = origin;
        return b;
    }

    /**
     * Loads a properties file (UTF-8) over the defaults. Unknown keys and bad values fail with the key named.
     */
    public static ReconConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) { // IllegalArgumentException: a malformed \\uxxxx escape
            throw new InputException(file.toString(), 0, null, "cannot read configuration: " + e.getMessage());
        }
        Builder b = builder();
        b.origin = file.toString();
        Map<String, String> sorted = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            sorted.put(name, p.getProperty(name).trim());
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!isKnownKey(e.getKey())) {
                String near = nearestKey(e.getKey());
                throw new InputException(file.toString(), lineOf(file, e.getKey()), null, "unknown key '"
                        + e.getKey() + "'" + (near != null ? " (did you mean " + near + "?)"
                        : " (known: " + String.join(", ", KEYS.keySet()) + ")"));
            }
            try {
                b.set(e.getKey(), e.getValue());
                if (e.getKey().equals("contact.templates") && b.contactTemplates != null
                        && !b.contactTemplates.isAbsolute() && file.toAbsolutePath().getParent() != null) {
                    b.contactTemplates = file.toAbsolutePath().getParent().resolve(b.contactTemplates).normalize();
                }
            } catch (RuntimeException ex) {
                throw new InputException(file.toString(), lineOf(file, e.getKey()), e.getKey(),
                        "bad value '" + e.getValue() + "': " + ex.getMessage());
            }
        }
        return b.build();
    }

    private static final String FEE_RULE = "fee.rule.";
    private static final String KIND = "kind.";

    /** A key {@link Builder#set} takes: one of {@link #KEYS}, or {@code fee.rule.NAME} / {@code kind.CLASS.PROC}. */
    static boolean isKnownKey(String key) {
        if (key.startsWith(FEE_RULE)) {
            return key.length() > FEE_RULE.length();
        }
        if (key.startsWith(KIND)) {
            return key.length() > KIND.length();
        }
        return KEYS.containsKey(key);
    }

    /**
     * The known key an unknown one is most likely a typo of (a few letters apart, case ignored), or null. For the
     * two key families the typo is looked for in their prefix: {@code fee.rules.debit} is near {@code fee.rule.debit}.
     */
    static String nearestKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (String known : KEYS.keySet()) {
            if (!known.startsWith(FEE_RULE) && !known.startsWith(KIND)) {
                candidates.add(known);
            }
        }
        String[] parts = k.split("\\.", -1);
        if (parts.length >= 3) {
            candidates.add(FEE_RULE + k.substring(parts[0].length() + parts[1].length() + 2));
        }
        if (parts.length >= 2) {
            candidates.add(KIND + k.substring(parts[0].length() + 1));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(key) || !isKnownKey(c)) {
                continue;
            }
            int d = editDistance(k, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.min(3, Math.max(1, k.length() / 3)) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The line a key is set on (the last, as the properties format lets the last win), or 0 when not found. */
    private static long lineOf(Path file, String key) {
        long found = 0;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).stripLeading();
                if (l.isEmpty() || l.charAt(0) == '#' || l.charAt(0) == '!') {
                    continue;
                }
                int end = 0;
                while (end < l.length() && l.charAt(end) != '=' && l.charAt(end) != ':'
                        && !Character.isWhitespace(l.charAt(end))) {
                    end++;
                }
                if (l.substring(0, end).equals(key)) {
                    found = i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return found;
        }
        return found;
    }

    public ZoneId zone() {
        return zone;
    }

    public Currency currency() {
        return currency;
    }

    public Set<String> approvedCodes() {
        return approvedCodes;
    }

    public boolean isApproved(String responseCode) {
        return responseCode != null && approvedCodes.contains(responseCode.trim());
    }

    public long amountToleranceMinor() {
        return amountToleranceMinor;
    }

    public Duration matchWindow() {
        return matchWindow;
    }

    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    public LocalTime businessDayStart() {
        return businessDayStart;
    }

    /** The business day a local time belongs to: the one rule for it. */
    public java.time.LocalDate businessDate(java.time.LocalDateTime local) {
        java.time.LocalDate d = local.toLocalDate();
        return local.toLocalTime().isBefore(businessDayStart) ? d.minusDays(1) : d;
    }

    public int settlementLagDays() {
        return settlementLagDays;
    }

    public long highAmountMinor() {
        return highAmountMinor;
    }

    public long mediumAmountMinor() {
        return mediumAmountMinor;
    }

    public long feeToleranceMinor() {
        return feeToleranceMinor;
    }

    public List<FeeRule> feeRules() {
        return feeRules;
    }

    public KindMapping kindMapping() {
        return kindMapping;
    }

    public long contactLargeAmountMinor() {
        return contactLargeAmountMinor;
    }

    public int contactSeniorAge() {
        return contactSeniorAge;
    }

    public String contactLanguage() {
        return contactLanguage;
    }

    public LocalTime daytimeFrom() {
        return daytimeFrom;
    }

    public LocalTime daytimeTo() {
        return daytimeTo;
    }

    public String merchantName() {
        return merchantName;
    }

    /** A directory whose {@code messages_LANG.properties} override the built-in message drafts; null for none. */
    public Path contactTemplates() {
        return contactTemplates;
    }

    /** Where the settings came from: a file path or {@code built-in defaults}. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReconConfig{origin=").append(origin);
        sb.append(", zone=").append(zone);
        sb.append(", currency=").append(currency.getCurrencyCode());
        sb.append(", approved.codes=").append(String.join(",", approvedCodes));
        sb.append(", amount.tolerance=").append(Money.format(amountToleranceMinor, currency));
        sb.append(", match.window.minutes=").append(matchWindow.toMinutes());
        sb.append(", duplicate.window.minutes=").append(duplicateWindow.toMinutes());
        sb.append(", business.day.start=").append(businessDayStart);
        sb.append(", settlement.lag.days=").append(settlementLagDays);
        sb.append(", severity.high.amount=").append(Money.format(highAmountMinor, currency));
        sb.append(", severity.medium.amount=").append(Money.format(mediumAmountMinor, currency));
        sb.append(", fee.tolerance=").append(Money.format(feeToleranceMinor, currency));
        sb.append(", fee.rules=").append(feeRules);
        sb.append(", kind=").append(kindMapping);
        sb.append(", contact.large.amount=").append(Money.format(contactLargeAmountMinor, currency));
        sb.append(", contact.senior.age=").append(contactSeniorAge);
        sb.append(", contact.language=").append(contactLanguage);
        sb.append(", contact.daytime=").append(daytimeFrom).append('-').append(daytimeTo);
        sb.append(", merchant.name=").append(merchantName);
        sb.append(", contact.templates=").append(contactTemplates == null ? "(built-in)" : contactTemplates);
        return sb.append('}').toString();
    }

    /** Builder; {@link #set(String, String)} applies one properties key. */
    public static final class Builder {
        private ZoneId zone = ZoneId.systemDefault();
        private Currency currency = Currency.getInstance("CNY");
        private Set<String> approvedCodes = new LinkedHashSet<>(List.of("00"));
        private long amountToleranceMinor = 0;
        private Duration matchWindow = Duration.ofMinutes(10);
        private Duration duplicateWindow = Duration.ofMinutes(30);
        private LocalTime businessDayStart = LocalTime.MIDNIGHT;
        private int settlementLagDays = 3;
        private long highAmountMinor = 20000;
        private long mediumAmountMinor = 2000;
        private long feeToleranceMinor = 1;
        private List<FeeRule> feeRules = new ArrayList<>();
        private KindMapping kindMapping = KindMapping.defaults();
        private long contactLargeAmountMinor = 10000;
        private int contactSeniorAge = 65;
        private String contactLanguage = "en";
        private LocalTime daytimeFrom = LocalTime.of(9, 0);
        private LocalTime daytimeTo = LocalTime.of(20, 0);
        private String merchantName = "posrecon demo store";
        private Path contactTemplates;
        private String origin = "built-in defaults";

        public Builder zone(ZoneId z) {
            this.zone = z;
            return this;
        }

        public Builder currency(Currency c) {
            this.currency = c;
            return this;
        }

        public Builder approvedCodes(Set<String> codes) {
            this.approvedCodes = new LinkedHashSet<>(codes);
            return this;
        }

        public Builder amountToleranceMinor(long v) {
            this.amountToleranceMinor = v;
            return this;
        }

        public Builder matchWindow(Duration d) {
            this.matchWindow = d;
            return this;
        }

        public Builder duplicateWindow(Duration d) {
            this.duplicateWindow = d;
            return this;
        }

        public Builder businessDayStart(LocalTime t) {
            this.businessDayStart = t;
            return this;
        }

        public Builder settlementLagDays(int d) {
            this.settlementLagDays = d;
            return this;
        }

        public Builder feeRule(FeeRule r) {
            this.feeRules.removeIf(x -> x.name().equals(r.name()));
            this.feeRules.add(r);
            return this;
        }

        public Builder kindMapping(KindMapping m) {
            this.kindMapping = m;
            return this;
        }

        public Builder merchantName(String n) {
            this.merchantName = n;
            return this;
        }

        public Builder contactTemplates(Path dir) {
            this.contactTemplates = dir;
            return this;
        }

        public Builder origin(String o) {
            this.origin = o;
            return this;
        }

        /** Applies one key of the properties format; throws IllegalArgumentException with the reason. */
        public Builder set(String key, String value) {
            switch (key) {
                case "zone" -> zone = ZoneId.of(value);
                case "currency" -> {
                    Currency c = Currencies.resolve(value);
                    if (c == null) {
                        throw new IllegalArgumentException("not an ISO 4217 currency");
                    }
                    currency = c;
                }
                case "approved.codes" -> {
                    approvedCodes = new LinkedHashSet<>();
                    for (String s : value.split(",")) {
                        if (!s.isBlank()) {
                            approvedCodes.add(s.trim());
                        }
                    }
                }
                case "amount.tolerance" -> amountToleranceMinor = money(value);
                case "match.window.minutes" -> matchWindow = Duration.ofMinutes(Long.parseLong(value));
                case "duplicate.window.minutes" -> duplicateWindow = Duration.ofMinutes(Long.parseLong(value));
                case "business.day.start" -> businessDayStart = LocalTime.parse(value);
                case "settlement.lag.days" -> settlementLagDays = Integer.parseInt(value);
                case "severity.high.amount" -> highAmountMinor = money(value);
                case "severity.medium.amount" -> mediumAmountMinor = money(value);
                case "fee.tolerance" -> feeToleranceMinor = money(value);
                case "contact.large.amount" -> contactLargeAmountMinor = money(value);
                case "contact.senior.age" -> contactSeniorAge = Integer.parseInt(value);
                case "contact.language" -> contactLanguage = value;
                case "contact.daytime" -> {
                    String[] parts = value.split("-");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("expected HH:MM-HH:MM");
                    }
                    daytimeFrom = LocalTime.parse(parts[0].trim());
                    daytimeTo = LocalTime.parse(parts[1].trim());
                }
                case "merchant.name" -> merchantName = value;
                case "contact.templates" -> contactTemplates = value.isBlank() ? null : Path.of(value);
                default -> {
                    if (key.startsWith("fee.rule.")) {
                        feeRule(parseFeeRule(key.substring("fee.rule.".length()), value));
                    } else if (key.startsWith("kind.")) {
                        String v = value.toUpperCase(java.util.Locale.ROOT);
                        if (!KindMapping.IGNORE.equals(v)) {
                            dev.posrecon.core.model.TxnKind.valueOf(v);
                        }
                        kindMapping = kindMapping.with(key.substring("kind.".length()), v);
                    } else {
                        throw new IllegalArgumentException("unknown key (known: " + KEYS.keySet() + ")");
                    }
                }
            }
            return this;
        }

        private long money(String v) {
            return Money.parseMinor(v, currency);
        }

        private FeeRule parseFeeRule(String name, String value) {
            String[] parts = value.split(",");
            BigDecimal rate = new BigDecimal(parts[0].trim().replace("%", ""));
            long cap = -1;
            String card = "";
            String merchant = "";
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("expected key=value in '" + parts[i] + "'");
                }
                switch (kv[0].trim()) {
                    case "cap" -> cap = money(kv[1].trim());
                    case "card" -> card = kv[1].trim();
                    case "merchant" -> merchant = kv[1].trim();
                    default -> throw new IllegalArgumentException("unknown fee rule attribute '" + kv[0] + "'");
                }
            }
            return new FeeRule(name, merchant, card, rate, cap);
        }

        public ReconConfig build() {
            return new ReconConfig(this);
        }
    }
}
