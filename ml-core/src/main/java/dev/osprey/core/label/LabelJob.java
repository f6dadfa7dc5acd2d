package dev.osprey.core.label;

import java.time.Instant;

/** A labeling job as stored, with its item count. */
public record LabelJob(LabelJobId id, LabelJobSpec spec, Instant createdAt, long items) {
    public String name() {
        return spec.name();
    }
}
