package dev.posrecon.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Error rates of one day (or date range): per terminal, cashier, register and store, the transactions, the cases
 * (by type), cases per 1,000 transactions and the money at stake, with a flag on a unit far above the others.
 * <p>
 * The flag ({@link #RULE}): a unit with n transactions and k cases is tested against the rate of the rest of its
 * group (all other units of the same kind: cases / transactions without this unit's). Under "this unit is like the
 * rest" k is Binomial(n, p_rest); the unit is flagged when the one-sided tail P(X >= k) is below 0.05 divided by
 * the number of units in the group (Bonferroni: a store with 40 cashiers would otherwise flag two of them on an
 * ordinary day), k is at least 3 (one or two cases prove nothing) and its rate is at least twice the rest's (far
 * above, not merely significantly above on a huge day). The rest, not the whole day, is the baseline so that one
 * bad unit does not raise the bar it is measured against.
 */
public record ErrorRates(List<Group> groups) {
    /** The test, as the report's footnote and summary.json state it. */
    public static final String RULE = "one-sided binomial tail P(X >= k | n, rate of the other units) < 0.05 / units"
            + " in the group (Bonferroni), k >= 3, and a rate at least twice the others'";
    static final double ALPHA = 0.05;
    static final long MIN_CASES = 3;
    static final long MIN_RATIO = 2;

    public ErrorRates {
        groups = List.copyOf(groups);
    }

    /**
     * One kind of unit.
     *
     * @param transactions all transactions of the group's units
     * @param cases        the cases attributed to one of its units
     * @param unattributed cases that name no unit of this kind (a settlement line with no receipt has no cashier)
     */
    public record Group(Unit unit, long transactions, long cases, long unattributed, List<UnitRate> units) {
        public Group {
            units = List.copyOf(units);
        }

        /** Cases per 1,000 transactions over the whole group, one decimal, or "-" with no transactions. */
        public String rate() {
            return perMille(cases, transactions);
        }
    }

    /**
     * One terminal, cashier, register or store.
     *
     * @param byType       cases by type name, sorted
     * @param atStakeMinor money at stake by currency code, minor units
     * @param pValue       the flag test's tail probability; 1 when untested (no transactions, or nothing to compare)
     */
    public record UnitRate(Unit unit, String id, long transactions, long cases, SortedMap<String, Long> byType,
                           SortedMap<String, Long> atStakeMinor, double pValue, boolean flagged) {
        public UnitRate {
            byType = Collections.unmodifiableSortedMap(new TreeMap<>(byType));
            atStakeMinor = Collections.unmodifiableSortedMap(new TreeMap<>(atStakeMinor));
        }

        public String rate() {
            return perMille(cases, transactions);
        }

        /** "1.2e-05", the same on every platform. */
        public String p() {
            return String.format(Locale.ROOT, "%.2g", pValue);
        }

        /** Money at stake as "758.38 CNY; 12.00 USD" (empty with none). */
        public String atStake() {
            StringBuilder sb = new StringBuilder();
            atStakeMinor.forEach((cur, v) -> sb.append(sb.length() == 0 ? "" : "; ")
                    .append(Money.format(v, Currencies.resolve(cur))).append(' ').append(cur));
            return sb.toString();
        }

        /** "SHORT_CHARGE 3, OVER_CHARGE 1" in type order. */
        public String types() {
            StringBuilder sb = new StringBuilder();
            byType.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
            return sb.toString();
        }
    }

    /** Cases per 1,000 transactions to one decimal, rounded half up in integers (no float in the output). */
    public static String perMille(long cases, long transactions) {
        if (transactions <= 0) {
            return "-";
        }
        long tenths = (cases * 20_000L + transactions) / (2 * transactions);
        return tenths / 10 + "." + tenths % 10;
    }

    public Group group(Unit u) {
        for (Group g : groups) {
            if (g.unit() == u) {
                return g;
            }
        }
        return new Group(u, 0, 0, 0, List.of());
    }

    /** The flagged units, most cases first (then by kind and id): where to aim training or maintenance. */
    public List<UnitRate> flagged() {
        List<UnitRate> out = new ArrayList<>();
        for (Group g : groups) {
            for (UnitRate r : g.units()) {
                if (r.flagged()) {
                    out.add(r);
                }
            }
        }
        out.sort((a, b) -> {
            int c = Double.compare(a.pValue(), b.pValue());
            c = c != 0 ? c : a.unit().compareTo(b.unit());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        return out;
    }

    /**
     * Reads back {@link #toJson()} (summary.json's {@code error_rates}).
     *
     * @throws InputException naming {@code file} when the section is missing or malformed
     */
    public static ErrorRates fromJson(JsonNode doc, String file) {
        if (doc == null || !doc.isObject()) {
            throw new InputException(file, 0, "error_rates", "missing: a summary.json written before error rates");
        }
        List<Group> groups = new ArrayList<>();
        for (Unit u : Unit.values()) {
            JsonNode g = doc.path(u.key());
            List<UnitRate> units = new ArrayList<>();
            for (JsonNode n : g.path("units")) {
                SortedMap<String, Long> byType = new TreeMap<>();
                n.path("by_type").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asLong()));
                SortedMap<String, Long> stake = new TreeMap<>();
                n.path("amount_at_stake").fields().forEachRemaining(e -> stake.put(e.getKey(),
                        Money.parseMinor(e.getValue().asText(), Currencies.resolve(e.getKey()))));
                double p;
                try {
                    p = Double.parseDouble(n.path("p_value").asText("1"));
                } catch (NumberFormatException e) {
                    throw new InputException(file, 0, "p_value", "expected a number, found '"
                            + n.path("p_value").asText() + "'");
                }
                units.add(new UnitRate(u, n.path("id").asText(), n.path("transactions").asLong(),
                        n.path("cases").asLong(), byType, stake, p, n.path("flagged").asBoolean()));
            }
            groups.add(new Group(u, g.path("transactions").asLong(), g.path("cases").asLong(),
                    g.path("unattributed_cases").asLong(), units));
        }
        return new ErrorRates(groups);
    }

    /** The form summary.json and {@code posrecon stats --format json} carry. */
    public Map<String, Object> toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("per", 1000);
        doc.put("flag_test", RULE);
        for (Group g : groups) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("transactions", g.transactions());
            gm.put("cases", g.cases());
            gm.put("rate", g.rate());
            gm.put("unattributed_cases", g.unattributed());
            List<Object> units = new ArrayList<>();
            for (UnitRate r : g.units()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("transactions", r.transactions());
                m.put("cases", r.cases());
                m.put("rate", r.rate());
                m.put("by_type", r.byType());
                Map<String, String> stake = new TreeMap<>();
                r.atStakeMinor().forEach((cur, v) -> stake.put(cur, Money.format(v, Currencies.resolve(cur))));
                m.put("amount_at_stake", stake);
                m.put("p_value", r.p());
                m.put("flagged", r.flagged());
                units.add(m);
            }
            gm.put("units", units);
            doc.put(g.unit().key(), gm);
        }
        return doc;
    }
}
