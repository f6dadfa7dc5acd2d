package dev.osprey.server;

import dev.osprey.core.data.ColumnType;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A model version loaded into the server, with what the request path needs precomputed: the
 * input names and types in signature order and the class labels. Immutable, so a request that
 * took it keeps using it while a swap installs the next version.
 */
record LoadedModel(String name, int version, Path dir, TrainedModel model, String[] inputNames, ColumnType[] types,
                   List<String> classLabels) {
    LoadedModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(model);
    }

    static LoadedModel of(String name, int version, Path dir, TrainedModel model) {
        List<SignatureColumn> inputs = model.signature().inputs();
        String[] names = new String[inputs.size()];
        ColumnType[] types = new ColumnType[inputs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = inputs.get(i).name();
            types[i] = inputs.get(i).type();
        }
        return new LoadedModel(name, version, dir, model, names, types, model.signature().classLabels());
    }

    ModelSignature signature() {
        return model.signature();
    }

    boolean classifier() {
        return model.signature().problemType().isClassification();
    }

    int width() {
        return inputNames.length;
    }

    int indexOf(String column) {
        for (int i = 0; i < inputNames.length; i++) {
            if (inputNames[i].equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The input columns for messages: {@code years_it_experience, years_aws_experience, hours_of_study}. */
    String columnList() {
        return String.join(", ", inputNames);
    }

    @Override
    public String toString() {
        return name + ":" + version;
    }
}
