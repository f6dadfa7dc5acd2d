package dev.osprey.core.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Every parameter drawn uniformly on its internal scale (log ranges on the log scale). */
final class RandomSampler implements Sampler {
    private final SearchSpace space;

    RandomSampler(SearchSpace space) {
        this.space = space;
    }

    @Override
    public Optional<Map<String, String>> next(int trial, List<Observation> history, Random random) {
        return Optional.of(draw(space, random));
    }

    static Map<String, String> draw(SearchSpace space, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : space.params()) {
            out.put(p.name(), draw(p, random));
        }
        return out;
    }

    static String draw(Param p, Random random) {
        if (p instanceof Param.CategoricalParam c) {
            return c.choices().get(random.nextInt(c.choices().size()));
        }
        return p.format(p.low() + random.nextDouble() * (p.high() - p.low()));
    }
}
