package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.tune.AshaSettings;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tuning bench's replay of random search's curves through early-stopping rules (see {@link #of}). */
final class AshaReplay {
    private AshaReplay() {
    }

    /**
     * A replay, not a measurement: random search's recorded per-round validation curves (same
     * configurations, same seed), each trial's measured cost per round and the measured fixed cost
     * of a trial, run through (a) the product's ASHA (a trial stops at a rung unless it is in the
     * best third of the trials that reached that rung before it), (b) ASHA as in the paper (a trial
     * pauses at a rung and resumes when it becomes the best third, so early trials are not run to
     * the end for want of rivals) and (c) the bound of any pruner with this first rung: every trial
     * before random's best stopped at the first rung. Prints the time to the target of each.
     */
    static String of(Engine engine, TuningResult random, double target, double fixed, AshaSettings asha) throws Exception {
        List<Trial> trials = random.trials().stream().sorted(Comparator.comparingInt(Trial::number)).toList();
        int max = asha.maxResource();
        List<double[]> curves = new ArrayList<>();
        double[] perRound = new double[trials.size()];
        double[] finals = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            double[] c = engine.experiments().history(t.run().orElseThrow(), "valid_logloss").stream()
                    .sorted(Comparator.comparingLong(MetricPoint::step))
                    .mapToDouble(MetricPoint::value).toArray();
            if (c.length != max) {
                return String.format(Locale.ROOT, "# replay skipped: trial %d has %d curve points, not %d", t.number(), c.length, max);
            }
            curves.add(c);
            perRound[i] = Math.max(0, t.elapsed().toNanos() / 1e9 - fixed) / max;
            finals[i] = t.value().getAsDouble();
        }
        List<Integer> rungs = new ArrayList<>();
        for (int k = 0; asha.minResource() * Math.pow(asha.reduction(), k) <= 0.9 * max; k++) {
            rungs.add((int) Math.round(asha.minResource() * Math.pow(asha.reduction(), k)));
        }
        int eta = asha.reduction();
        double randomTime = 0;
        int randomBest = -1;
        for (int i = 0; i < trials.size() && randomBest < 0; i++) {
            randomTime += fixed + perRound[i] * max;
            randomBest = finals[i] <= target ? i : -1;
        }
        double stopping = replayStopping(curves, perRound, finals, rungs, eta, max, fixed, target);
        double promoting = replayPromoting(curves, perRound, finals, rungs, eta, max, fixed, target);
        double bound = 0;
        for (int i = 0; i < randomBest; i++) {
            bound += fixed + perRound[i] * rungs.getFirst();
        }
        bound += fixed + perRound[randomBest] * max;
        return String.format(Locale.ROOT, "# replay of random's %d curves (fixed %.1f ms a trial + each trial's measured cost per round; rungs %s):"
                        + " random reaches the target in %.2f s; the product's ASHA %.2f s (ratio %.2f); ASHA with pause and resume %.2f s"
                        + " (ratio %.2f); bound, every trial before random's best stopped at round %d, %.2f s (ratio %.2f)",
                trials.size(), fixed * 1000, rungs, randomTime, stopping, randomTime / stopping, promoting, randomTime / promoting,
                rungs.getFirst(), bound, randomTime / bound);
    }

    private static double bestUpTo(double[] curve, int step) {
        double b = Double.POSITIVE_INFINITY;
        for (int s = 0; s < step; s++) {
            b = Math.min(b, curve[s]);
        }
        return b;
    }

    private static double replayStopping(List<double[]> curves, double[] perRound, double[] finals, List<Integer> rungs, int eta,
                                         int max, double fixed, double target) {
        List<List<Double>> reached = new ArrayList<>();
        rungs.forEach(r -> reached.add(new ArrayList<>()));
        double time = 0;
        for (int i = 0; i < curves.size(); i++) {
            time += fixed;
            int step = 0;
            boolean stopped = false;
            for (int k = 0; k < rungs.size() && !stopped; k++) {
                time += perRound[i] * (rungs.get(k) - step);
                step = rungs.get(k);
                double loss = bestUpTo(curves.get(i), step);
                reached.get(k).add(loss);
                long better = reached.get(k).stream().filter(v -> v < loss).count();
                stopped = better >= Math.max(1, reached.get(k).size() / eta);
            }
            if (!stopped) {
                time += perRound[i] * (max - step);
                if (finals[i] <= target) {
                    return time;
                }
            }
        }
        return Double.NaN;
    }

    private static double replayPromoting(List<double[]> curves, double[] perRound, double[] finals, List<Integer> rungs, int eta,
                                          int max, double fixed, double target) {
        List<Integer> levels = new ArrayList<>(rungs);
        levels.add(max);
        List<Map<Integer, Double>> at = new ArrayList<>();
        List<Set<Integer>> promoted = new ArrayList<>();
        levels.forEach(l -> {
            at.add(new HashMap<>());
            promoted.add(new HashSet<>());
        });
        double time = 0;
        int next = 0;
        while (true) {
            int trial = -1;
            int level = -1;
            for (int k = levels.size() - 2; k >= 0 && trial < 0; k--) {
                List<Map.Entry<Integer, Double>> ranked = at.get(k).entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
                for (Map.Entry<Integer, Double> e : ranked.subList(0, ranked.size() / eta)) {
                    if (!promoted.get(k).contains(e.getKey())) {
                        trial = e.getKey();
                        level = k;
                        break;
                    }
                }
            }
            if (trial >= 0) {
                promoted.get(level).add(trial);
                int to = levels.get(level + 1);
                time += perRound[trial] * (to - levels.get(level));
                at.get(level + 1).put(trial, to == max ? finals[trial] : bestUpTo(curves.get(trial), to));
                if (to == max && finals[trial] <= target) {
                    return time;
                }
            } else if (next < curves.size()) {
                time += fixed + perRound[next] * levels.getFirst();
                at.getFirst().put(next, bestUpTo(curves.get(next), levels.getFirst()));
                next++;
            } else {
                return Double.NaN;
            }
        }
    }
}
