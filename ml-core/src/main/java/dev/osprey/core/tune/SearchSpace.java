package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hyperparameters a tuning job searches, in order. Written as text
 * {@code max_depth=int(3,10);eta=log(0.01,0.5);booster=cat(gbtree,dart)} (also {@code float(a,b)}
 * for a linear real range and {@code logint(a,b)} for whole numbers on a log scale) or built in code.
 * {@link #toString()} gives the same text back.
 */
public record SearchSpace(List<Param> params) {
    public SearchSpace {
        params = List.copyOf(params);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("The search space is empty: give at least one parameter, e.g. max_depth=int(3,10).");
        }
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("The parameter " + p.name() + " is in the search space twice.");
            }
        }
    }

    public Optional<Param> find(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }

    /** Number of points a grid search visits with {@code points} values per continuous range. */
    public long gridSize(int points) {
        long n = 1;
        for (Param p : params) {
            n = Math.multiplyExact(n, p.grid(points).size());
        }
        return n;
    }

    /** Parses the text form; throws IllegalArgumentException naming the part it cannot read. */
    public static SearchSpace parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The search space is empty: give at least one parameter, e.g. max_depth=int(3,10).");
        }
        List<Param> params = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                params.add(parseOne(part.strip()));
            }
        }
        return new SearchSpace(params);
    }

    private static Param parseOne(String part) {
        int eq = part.indexOf('=');
        int open = part.indexOf('(');
        if (eq <= 0 || open < eq || !part.endsWith(")")) {
            throw new IllegalArgumentException("Cannot read '" + part + "': write name=int(a,b), name=float(a,b), "
                    + "name=log(a,b), name=logint(a,b) or name=cat(x,y,...).");
        }
        String name = part.substring(0, eq).strip();
        String kind = part.substring(eq + 1, open).strip().toLowerCase(java.util.Locale.ROOT);
        List<String> args = Arrays.stream(part.substring(open + 1, part.length() - 1).split(",", -1))
                .map(String::strip).toList();
        return switch (kind) {
            case "int" -> new Param.IntParam(name, integer(name, args, 0), integer(name, args, 1), false);
            case "logint" -> new Param.IntParam(name, integer(name, args, 0), integer(name, args, 1), true);
            case "float", "uniform", "lin" -> new Param.FloatParam(name, decimal(name, args, 0), decimal(name, args, 1), false);
            case "log", "loguniform" -> new Param.FloatParam(name, decimal(name, args, 0), decimal(name, args, 1), true);
            case "cat", "choice" -> new Param.CategoricalParam(name, args);
            default -> throw new IllegalArgumentException(name + ": unknown kind '" + kind
                    + "'; use int, logint, float, log or cat.");
        };
    }

    private static void twoBounds(String name, List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException(name + ": a range needs two bounds, e.g. int(3,10), not " + args.size() + ".");
        }
    }

    private static int integer(String name, List<String> args, int i) {
        twoBounds(name, args);
        try {
            return Integer.parseInt(args.get(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + args.get(i) + "' is not a whole number.");
        }
    }

    private static double decimal(String name, List<String> args, int i) {
        twoBounds(name, args);
        try {
            double v = Double.parseDouble(args.get(i));
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + args.get(i) + "' is not a number.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A space that is a sensible start for an algorithm (the tuning form's defaults); empty when
     * the algorithm has nothing worth tuning.
     */
    public static Optional<SearchSpace> defaultsFor(String algorithm) {
        String text = DEFAULTS.get(algorithm);
        return text == null ? Optional.empty() : Optional.of(parse(text));
    }

    /** Ranges chosen inside each algorithm's allowed option ranges; resources (rounds, epochs) are left to the template. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("xgboost", "max_depth=int(2,10);eta=log(0.01,0.5);subsample=float(0.5,1);"
                    + "colsample_bytree=float(0.5,1);min_child_weight=log(0.1,20);lambda=log(0.01,10)"),
            Map.entry("random_forest", "trees=logint(20,300);max_depth=int(3,30);node_size=logint(1,50);subsample=float(0.5,1)"),
            Map.entry("gradient_boost", "trees=logint(20,300);max_depth=int(2,10);shrinkage=log(0.01,0.5);subsample=float(0.5,1)"),
            Map.entry("decision_tree", "max_depth=int(2,30);node_size=logint(1,100)"),
            Map.entry("ridge", "lambda=log(0.0001,100)"),
            Map.entry("lasso", "lambda=log(0.0001,100)"),
            Map.entry("elastic_net", "lambda1=log(0.0001,10);lambda2=log(0.0001,10)"),
            Map.entry("logistic_regression", "lambda=log(0.0001,100)"),
            Map.entry("knn", "k=logint(1,50)"),
            Map.entry("svm", "kernel=cat(gaussian,linear);c=log(0.01,100)"),
            Map.entry("mlp", "hidden_units=logint(8,128);hidden_layers=int(1,3);learning_rate=log(0.001,0.1);"
                    + "weight_decay=log(0.000001,0.01)"));

    @Override
    public String toString() {
        return params.stream().map(p -> p.name() + "=" + p.describe()).collect(Collectors.joining(";"));
    }

    /** Builds a space in code, in the order the parameters are added. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        public Builder integer(String name, int low, int high) {
            params.add(new Param.IntParam(name, low, high, false));
            return this;
        }

        public Builder logInteger(String name, int low, int high) {
            params.add(new Param.IntParam(name, low, high, true));
            return this;
        }

        public Builder uniform(String name, double low, double high) {
            params.add(new Param.FloatParam(name, low, high, false));
            return this;
        }

        public Builder logUniform(String name, double low, double high) {
            params.add(new Param.FloatParam(name, low, high, true));
            return this;
        }

        public Builder categorical(String name, String... choices) {
            params.add(new Param.CategoricalParam(name, List.of(choices)));
            return this;
        }

        public Builder add(Param param) {
            params.add(param);
            return this;
        }

        public SearchSpace build() {
            return new SearchSpace(params);
        }
    }
}
