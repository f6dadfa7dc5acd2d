package dev.osprey.server.launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the server's Prometheus text into {@link ServerStats}: sums over models, percentiles from the merged histogram. */
final class MetricsText {
    private MetricsText() {
    }

    static ServerStats stats(String text) {
        Map<String, Long> perModel = new TreeMap<>();
        long errors = 0;
        Map<Double, Long> buckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sp = line.lastIndexOf(' ');
            if (sp < 0) {
                continue;
            }
            String key = line.substring(0, sp);
            double value;
            try {
                value = Double.parseDouble(line.substring(sp + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            Map<String, String> labels = labels(key);
            if (key.startsWith("osprey_requests_total{")) {
                perModel.merge(labels.getOrDefault("model", ""), (long) value, Long::sum);
            } else if (key.startsWith("osprey_request_errors_total{")) {
                errors += (long) value;
            } else if (key.startsWith("osprey_request_duration_seconds_bucket{")) {
                String le = labels.get("le");
                double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, (long) value, Long::sum);
            }
        }
        long requests = perModel.values().stream().mapToLong(Long::longValue).sum();
        return new ServerStats(requests, errors, percentile(buckets, 0.50) * 1000, percentile(buckets, 0.99) * 1000, perModel);
    }

    /** The q-quantile from cumulative buckets, interpolated linearly inside the bucket that holds it; 0 without data. */
    static double percentile(Map<Double, Long> cumulative, double q) {
        List<Map.Entry<Double, Long>> b = new ArrayList<>(cumulative.entrySet());
        if (b.isEmpty() || b.getLast().getValue() == 0) {
            return 0;
        }
        double rank = q * b.getLast().getValue();
        double prevBound = 0;
        long prevCount = 0;
        for (Map.Entry<Double, Long> e : b) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return prevBound;
                }
                long inBucket = e.getValue() - prevCount;
                double frac = inBucket == 0 ? 1 : (rank - prevCount) / inBucket;
                return prevBound + (e.getKey() - prevBound) * frac;
            }
            prevBound = e.getKey();
            prevCount = e.getValue();
        }
        return prevBound;
    }

    private static Map<String, String> labels(String key) {
        Map<String, String> out = new HashMap<>();
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        if (open < 0 || close < open) {
            return out;
        }
        String inner = key.substring(open + 1, close);
        int i = 0;
        while (i < inner.length()) {
            int eq = inner.indexOf('=', i);
            if (eq < 0 || eq + 1 >= inner.length() || inner.charAt(eq + 1) != '"') {
                break;
            }
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            while (j < inner.length() && inner.charAt(j) != '"') {
                if (inner.charAt(j) == '\\' && j + 1 < inner.length()) {
                    j++;
                }
                v.append(inner.charAt(j++));
            }
            out.put(inner.substring(i, eq).strip(), v.toString());
            i = j + 2; // past the closing quote and the comma
        }
        return out;
    }
}
