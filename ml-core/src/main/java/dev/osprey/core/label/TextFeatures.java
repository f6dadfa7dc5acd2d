package dev.osprey.core.label;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF over lower-cased word tokens (letters and digits), keeping the {@code maxTerms} terms
 * found in the most documents (at least two, so one-off typos do not become features), with
 * smoothed idf and L2-normalised rows. Fitted once; {@link #transform} then works row by row.
 */
public final class TextFeatures implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> terms;
    private final double[] idf;
    private transient Map<String, Integer> index;

    private TextFeatures(List<String> terms, double[] idf) {
        this.terms = List.copyOf(terms);
        this.idf = idf;
    }

    public static TextFeatures fit(List<String> documents, int maxTerms) {
        Map<String, Integer> df = new HashMap<>();
        for (String d : documents) {
            for (String t : new HashSet<>(tokens(d))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int minDf = documents.size() >= 20 ? 2 : 1;
        List<String> terms = new ArrayList<>(df.entrySet().stream().filter(e -> e.getValue() >= minDf)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTerms).map(Map.Entry::getKey).toList());
        terms.sort(Comparator.naturalOrder());
        double[] idf = new double[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            idf[i] = Math.log((1.0 + documents.size()) / (1.0 + df.get(terms.get(i)))) + 1.0;
        }
        return new TextFeatures(terms, idf);
    }

    /** A fitted vocabulary read back (see {@link LabelFeatures}); {@code idf} is copied. */
    static TextFeatures of(List<String> terms, double[] idf) {
        if (terms.size() != idf.length) {
            throw new IllegalArgumentException("the vocabulary has " + terms.size() + " terms but " + idf.length + " idf weights");
        }
        return new TextFeatures(terms, idf.clone());
    }

    double[] idf() {
        return idf.clone();
    }

    public List<String> terms() {
        return terms;
    }

    public int size() {
        return terms.size();
    }

    public double[] transform(String document) {
        if (index == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < terms.size(); i++) {
                m.put(terms.get(i), i);
            }
            index = m;
        }
        double[] x = new double[terms.size()];
        for (String t : tokens(document)) {
            Integer i = index.get(t);
            if (i != null) {
                x[i] += 1;
            }
        }
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] *= idf[i];
            norm += x[i] * x[i];
        }
        if (norm > 0) {
            norm = Math.sqrt(norm);
            for (int i = 0; i < x.length; i++) {
                x[i] /= norm;
            }
        }
        return x;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static Set<String> vocabulary(TextFeatures f) {
        return new HashSet<>(f.terms);
    }
}
