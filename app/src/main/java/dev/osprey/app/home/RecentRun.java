package dev.osprey.app.home;

import dev.osprey.app.experiments.RunRow;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;

import java.util.Objects;

/** A run as Home lists it: what was trained on what, and how it went ("Finished · RMSE 31.2 · 5 min ago"). */
public record RecentRun(RunId id, String title, RunStatus status, String detail) {
    public RecentRun {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(status);
        detail = detail == null ? "" : detail;
    }

    static RecentRun of(RunRow row) {
        String dataset = row.run().tags().get("osprey.dataset.name");
        String title = row.label() + " " + row.algorithm() + (dataset == null ? "" : " on " + dataset);
        String detail = RunRow.statusText(row.status())
                + (row.mainMetric().isPresent() ? " · " + row.mainMetricText() : "")
                + " · " + RunRow.ago(row.started());
        return new RecentRun(row.id(), title, row.status(), detail);
    }
}
