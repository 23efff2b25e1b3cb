package io.switchboard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Percentiles of a sample (nearest rank), and the median and p99 of a figure over repeated runs. */
public record Stats(int count, double p50, double p95, double p99, double max) {

    public static Stats of(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** "median / p99" of one figure measured once per run. */
    public static String overRuns(List<Double> perRun, String format) {
        Stats s = of(perRun);
        if (s.count() == 1) {
            return String.format(format, s.p50());
        }
        return String.format(format + " / " + format, s.p50(), s.p99());
    }
}
