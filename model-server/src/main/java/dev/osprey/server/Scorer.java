package dev.osprey.server;

import dev.osprey.core.train.Prediction;
import dev.osprey.server.http.HttpStatusException;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts checked rows, always through {@code TrainedModel.predict} (which applies the model's
 * encoding and any fitted row transform stored with it). A value the model refuses becomes a
 * 400 naming the row; a request whose rows take longer than the deadline stops with 503.
 */
final class Scorer {
    private Scorer() {
    }

    static List<Prediction> score(LoadedModel m, List<Object[]> rows, long deadlineNanos) throws HttpStatusException {
        if (rows.isEmpty()) {
            throw new HttpStatusException(400, "The body holds no rows; send at least one row of " + m.columnList() + ".");
        }
        List<Prediction> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            if ((r & 255) == 255 && System.nanoTime() > deadlineNanos) {
                throw new HttpStatusException(503, "Scoring " + rows.size() + " rows took longer than the request timeout;"
                        + " send fewer rows per request.");
            }
            try {
                out.add(m.model().predict(rows.get(r)));
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(400, "Row " + (r + 1) + ": " + e.getMessage() + ".");
            }
        }
        return out;
    }
}
