package dev.osprey.core.train;

import java.util.List;

/** A dataset made ready for the algorithms: the encoder, every usable row encoded, and the class labels. */
record Prepared(FeatureEncoder encoder, TrainingSet all, List<String> classLabels, String target) {
    ModelSignature signature() {
        return new ModelSignature(encoder.columns(), target, all.problemType(), classLabels);
    }
}
