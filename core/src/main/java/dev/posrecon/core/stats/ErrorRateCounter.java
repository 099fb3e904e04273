package dev.posrecon.core.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what error rates are worked out from: each unit's transactions and each case with the units it belongs
 * to. Not thread-safe; the result does not depend on the order things were added in.
 */
public final class ErrorRateCounter {
    private static final class Acc {
        long transactions;
        long cases;
        final TreeMap<String, Long> byType = new TreeMap<>();
        final TreeMap<String, Long> atStake = new TreeMap<>();
    }

    private final Map<Unit, TreeMap<String, Acc>> units = new EnumMap<>(Unit.class);
    private final Map<Unit, Long> unattributed = new EnumMap<>(Unit.class);

    public ErrorRateCounter() {
        for (Unit u : Unit.values()) {
            units.put(u, new TreeMap<>());
            unattributed.put(u, 0L);
        }
    }

    /** Adds {@code n} transactions of a unit; a blank id is no unit and is not counted. */
    public void transactions(Unit u, String id, long n) {
        if (id != null && !id.isBlank()) {
            units.get(u).computeIfAbsent(id.strip(), k -> new Acc()).transactions += n;
        }
    }

    /**
     * Adds one case to the units it names (null for a kind it names none of).
     *
     * @param ids the case's terminal, cashier, register and store, indexed by {@link Unit#ordinal()}
     */
    public void addCase(String type, long atStakeMinor, String currency, String... ids) {
        for (Unit u : Unit.values()) {
            String id = u.ordinal() < ids.length ? ids[u.ordinal()] : null;
            if (id == null || id.isBlank()) {
                unattributed.merge(u, 1L, Long::sum);
                continue;
            }
            Acc a = units.get(u).computeIfAbsent(id.strip(), k -> new Acc());
            a.cases++;
            a.byType.merge(type, 1L, Long::sum);
            a.atStake.merge(currency, atStakeMinor, Long::sum);
        }
    }

    /** The rates, each unit tested against the rest of its group (see {@link ErrorRates}). */
    public ErrorRates result() {
        List<ErrorRates.Group> groups = new ArrayList<>();
        for (Unit u : Unit.values()) {
            TreeMap<String, Acc> accs = units.get(u);
            long n = 0;
            long k = 0;
            int tested = 0;
            for (Acc a : accs.values()) {
                n += a.transactions;
                k += a.cases;
                tested += a.transactions > 0 ? 1 : 0;
            }
            List<ErrorRates.UnitRate> rates = new ArrayList<>();
            for (Map.Entry<String, Acc> e : accs.entrySet()) {
                Acc a = e.getValue();
                long restN = n - a.transactions;
                long restK = k - a.cases;
                double p = 1.0;
                boolean flagged = false;
                if (a.transactions > 0 && restN > 0 && a.cases <= a.transactions) {
                    double pRest = (double) restK / restN;
                    p = Binomial.upperTail(a.transactions, a.cases, pRest);
                    // rate >= MIN_RATIO x the rest's, in integers: k / n >= r * restK / restN
                    boolean far = a.cases * restN >= ErrorRates.MIN_RATIO * restK * a.transactions;
                    flagged = a.cases >= ErrorRates.MIN_CASES && far && p < ErrorRates.ALPHA / tested;
                }
                rates.add(new ErrorRates.UnitRate(u, e.getKey(), a.transactions, a.cases, a.byType, a.atStake, p,
                        flagged));
            }
            groups.add(new ErrorRates.Group(u, n, k, unattributed.get(u), rates));
        }
        return new ErrorRates(groups);
    }
}
