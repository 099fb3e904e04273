package dev.posrecon.core.stats;

/**
 * The one-sided binomial tail the error-rate flag uses, in {@link StrictMath} so that every platform prints the
 * same p-values.
 */
final class Binomial {
    private Binomial() {
    }

    /** P(X >= k) for X ~ Binomial(n, p). */
    static double upperTail(long n, long k, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double ratio = p / (1 - p);
        if (k <= n * p) {
            // the tail holds most of the mass: one minus the terms below k, from the bottom up
            double term = StrictMath.exp(n * StrictMath.log1p(-p));
            double below = 0;
            for (long i = 0; i < k; i++) {
                below += term;
                term *= (double) (n - i) / (i + 1) * ratio;
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - below));
        }
        double term = StrictMath.exp(logPmf(n, k, p));
        double sum = 0;
        for (long i = k; i <= n && term > 0; i++) {
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
            term *= (double) (n - i) / (i + 1) * ratio;
        }
        return Math.min(1.0, sum);
    }

    static double logPmf(long n, long k, double p) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0) + k * StrictMath.log(p)
                + (n - k) * StrictMath.log1p(-p);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(x) for x >= 0.5 (Lanczos, g = 7), good to ~15 digits. */
    static double logGamma(double x) {
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * StrictMath.log(2 * StrictMath.PI) + (z + 0.5) * StrictMath.log(t) - t + StrictMath.log(a);
    }
}
