package dev.osprey.core.train;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supervised algorithm's fitted model, of every problem type it supports, passes the model files'
 * deserialization filter and predicts the same after the round trip; the Smile classes these
 * streams hold are all in the packages the filter admits.
 */
class ModelFilterAlgorithmsTest {
    @Test
    void everyAlgorithmsModelPassesTheFilterAndPredictsTheSameAfterTheRoundTrip() throws Exception {
        Set<String> smileClasses = new TreeSet<>();
        List<String> checked = new ArrayList<>();
        // few and many features (k-NN searches a KD-tree below 10, a cover tree with a distance above),
        // and each kernel of the SVM
        List<Object[]> cases = new ArrayList<>();
        for (Algorithm a : Algorithms.all()) {
            for (ProblemType type : ProblemType.values()) {
                // a clustering's predictor is completed by the cluster trainer (ClusteringTest loads those)
                if (a.supports(type) && type != ProblemType.CLUSTERING) {
                    for (int features : new int[] {3, 12}) {
                        Map<String, String> small = a.id().equals("mlp") ? Map.of("epochs", "3") : Map.of();
                        cases.add(new Object[] {a, type, features, small});
                        if (a.id().equals("svm")) {
                            cases.add(new Object[] {a, type, features, Map.of("kernel", "linear")});
                        }
                    }
                }
            }
        }
        for (Object[] c : cases) {
            Algorithm a = (Algorithm) c[0];
            ProblemType type = (ProblemType) c[1];
            @SuppressWarnings("unchecked")
            Map<String, String> small = (Map<String, String>) c[3];
            TrainingSet set = data(type, (Integer) c[2]);
            AlgorithmOptions options = small.isEmpty() ? a.defaults() : a.options(small);
            Predictor p = a.fit(set, Optional.empty(), options, FitContext.standalone(5)).predictor();
            byte[] bytes = serialize(p);
            ModelFilter filter = new ModelFilter(bytes.length);
            Predictor back;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                in.setObjectInputFilter(info -> {
                    Class<?> k = info.serialClass();
                    while (k != null && k.isArray()) {
                        k = k.getComponentType();
                    }
                    if (k != null && k.getName().startsWith("smile.")) {
                        smileClasses.add(k.getName());
                    }
                    return filter.checkInput(info);
                });
                back = (Predictor) in.readObject();
            } catch (java.io.InvalidClassException e) {
                back = null;
            }
            assertThat(filter.rejection()).as("%s %s %s features %s", a.id(), type, c[2], small).isNull();
            for (int i = 0; i < 20; i++) {
                assertThat(back.predict(set.x()[i])).as("%s %s row %d", a.id(), type, i).containsExactly(p.predict(set.x()[i]));
            }
            checked.add(a.id() + "/" + type);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(Algorithms.all().size() - 2);
        assertThat(smileClasses).isNotEmpty().allSatisfy(c -> assertThat(ModelFilter.allowed(c)).as(c).isTrue());
    }

    @Test
    void smileClassesOutsideAModelsPackagesAreRefused() {
        assertThat(ModelFilter.allowed("smile.classification.RandomForest")).isTrue();
        assertThat(ModelFilter.allowed("smile.model.cart.OrdinalNode")).isTrue();
        assertThat(ModelFilter.allowed("smile.io.Read")).isFalse();
        assertThat(ModelFilter.allowed("smile.data.DataFrame")).isFalse();
        assertThat(ModelFilter.allowed("smile.classification.internal.Anything")).isFalse();
        assertThat(ModelFilter.allowed("smilex.Foo")).isFalse();
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static TrainingSet data(ProblemType type, int features) {
        Random r = new Random(11);
        int n = 240;
        double[][] x = new double[n][features];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int blob = i % 3;
            for (int j = 0; j < features; j++) {
                x[i][j] = blob * 3 + r.nextGaussian();
            }
            double s = x[i][0] - x[i][1] + 0.5 * x[i][2];
            y[i] = switch (type) {
                case REGRESSION -> s + 0.1 * r.nextGaussian();
                case BINARY -> s > 1.5 ? 1 : 0;
                case MULTICLASS -> blob;
                case CLUSTERING -> 0;
            };
        }
        int classes = switch (type) {
            case BINARY -> 2;
            case MULTICLASS -> 3;
            default -> 0;
        };
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("f" + j);
        }
        return new TrainingSet(x, y, names, type, classes);
    }
}
