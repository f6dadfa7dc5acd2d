package dev.osprey.core.tune;

/**
 * Asynchronous successive halving: rungs at {@code minResource * reduction^k} steps below
 * {@code maxResource}, at most {@code maxRungs} of them; at each rung a trial goes on only when it
 * is in the best {@code 1/reduction} of the trials that reached that rung (else it pauses there
 * until it is, or the job ends). {@code brackets} above 1 gives Hyperband's mix of
 * aggressiveness: bracket b starts its rungs at {@code minResource * reduction^b}.
 */
public record AshaSettings(int minResource, int maxResource, int reduction, int brackets, int maxRungs) {
    public AshaSettings {
        if (minResource < 1 || maxResource <= minResource) {
            throw new IllegalArgumentException("Hyperband needs a resource of at least 2 steps (1 <= min < max), not min "
                    + minResource + " and max " + maxResource + ".");
        }
        if (reduction < 2) {
            throw new IllegalArgumentException("The reduction factor must be 2 or more, not " + reduction);
        }
        if (brackets < 1) {
            throw new IllegalArgumentException("Hyperband needs at least one bracket, not " + brackets);
        }
        if (maxRungs < 1) {
            throw new IllegalArgumentException("Hyperband needs at least one rung, not " + maxRungs);
        }
    }

    /**
     * The rung steps of {@code bracket}: {@code minResource * reduction^(bracket + k)}, at most
     * {@code maxRungs} of them. A rung in the last tenth of the resource (117 of 120 when the
     * minimum rounds 120/9 down to 13) is dropped: stopping there saves under a tenth of the trial
     * and ranks it on almost its final value anyway.
     */
    public java.util.List<Integer> rungs(int bracket) {
        java.util.List<Integer> steps = new java.util.ArrayList<>();
        for (int k = 0; k < maxRungs; k++) {
            double step = minResource * Math.pow(reduction, bracket + k);
            if (step > 0.9 * maxResource) {
                break;
            }
            steps.add((int) Math.round(step));
        }
        return java.util.List.copyOf(steps);
    }

    /** As many rungs as fit below the maximum (the textbook successive halving). */
    public AshaSettings(int minResource, int maxResource, int reduction, int brackets) {
        this(minResource, maxResource, reduction, brackets, Integer.MAX_VALUE);
    }

    /**
     * One cut, at the textbook minimum resource ({@code max / 27}: round 4 of 120), with reduction
     * 3, one bracket: the best third of the trials at that round go on to the end. Measured on
     * boosted trees whose search varies the learning rate 60-fold (bench/README.md, session 5, 16
     * seeds): the configuration that ends best was among the best third at rounds 4 and 13 on every
     * seed, but among the best ninth at a third of the rounds (a second cut) on only half of them,
     * because slow learners overtake fast ones late. On ten seeds not used to choose this (23-32),
     * one cut reached random search's best on every seed, a median 1.96x sooner; rungs at 13 and 39
     * missed it on 5 seeds (8 with the stopping rule), the textbook rungs (1, 3, 9, 27, 81) on all.
     */
    public static AshaSettings forResource(int maxResource) {
        int max = Math.max(2, maxResource);
        int min = Math.max(1, (int) Math.round(max / 27.0));
        return new AshaSettings(Math.min(min, max - 1), max, 3, 1, 1);
    }
}
