package dev.osprey.app.tune;

import java.util.List;

/** A trial's metric per step (boosting round or epoch), for the per-trial curves chart. */
public record Curve(int trial, String metric, List<Step> steps) {
    public Curve {
        steps = List.copyOf(steps);
    }

    public record Step(int step, double value) {
    }
}
