package dev.osprey.core.train;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The deserialization filter of model files: only the classes a model is made of (Osprey's
 * model classes, the row-wise recipe classes, the packages of Smile's models, a few java.lang and java.util value classes,
 * arrays of them),
 * and hard limits on nesting, object count, array length and stream size. The limits are what
 * stop a crafted file (nested sets, "billion laughs") before it costs time or memory; the first
 * reason for a rejection is kept so the user reads it.
 */
final class ModelFilter implements ObjectInputFilter {
    /** Trees are limited to depth 32, so a real model stays well below this. */
    static final int MAX_DEPTH = 100;
    static final long MAX_REFS = 5_000_000;
    static final long MAX_ARRAY = 100_000_000;
    /**
     * How deep in the stream a hash-based collection may be. Rebuilding a hash set or map hashes
     * its elements, and a set of sets of sets... (each level holding two sets that share the next
     * level) costs 2^levels hash calls: 40 levels pass MAX_DEPTH yet take hours. A model's maps
     * (options, metrics, Smile's schema) sit near the top, so hash collections deeper than this are
     * refused, which bounds such a bomb to a few thousand calls.
     */
    static final int MAX_HASH_DEPTH = 12;

    private static final Set<String> JAVA_CLASSES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Enum", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double",
            "java.util.ArrayList", "java.util.Arrays$ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.BitSet",
            "java.util.Map$Entry", "java.util.CollSer", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet");
    /**
     * ColumnType, and the wrangling classes a model trained through a recipe holds: its {@code RowTransform}
     * with the row-wise steps, their option enums and fitted constants. Named one by one, not by package:
     * steps that never run on a row (join, group by, filter, sample...) and their conditions cannot be in a
     * model, so a file that holds one is refused.
     */
    private static final Set<String> OSPREY_CLASSES = Set.of("dev.osprey.core.data.ColumnType",
            "dev.osprey.core.wrangle.RowTransform", "dev.osprey.core.wrangle.RowTransform$Op",
            "dev.osprey.core.wrangle.Step$SelectColumns", "dev.osprey.core.wrangle.Step$DropColumns",
            "dev.osprey.core.wrangle.Step$RenameColumn", "dev.osprey.core.wrangle.Step$ReorderColumns",
            "dev.osprey.core.wrangle.Step$CastColumn", "dev.osprey.core.wrangle.Step$ParseDate",
            "dev.osprey.core.wrangle.Step$ExtractDatePart", "dev.osprey.core.wrangle.Step$FillMissing",
            "dev.osprey.core.wrangle.Step$MissingIndicator", "dev.osprey.core.wrangle.Step$OneHotEncode",
            "dev.osprey.core.wrangle.Step$OrdinalEncode", "dev.osprey.core.wrangle.Step$Standardize",
            "dev.osprey.core.wrangle.Step$MinMaxScale", "dev.osprey.core.wrangle.Step$Bin",
            "dev.osprey.core.wrangle.Step$LogTransform", "dev.osprey.core.wrangle.Step$PowerTransform",
            "dev.osprey.core.wrangle.Step$ClipOutliers", "dev.osprey.core.wrangle.Step$TrimText",
            "dev.osprey.core.wrangle.Step$ChangeCase", "dev.osprey.core.wrangle.Step$RegexReplace",
            "dev.osprey.core.wrangle.Step$SplitText", "dev.osprey.core.wrangle.Step$TextLength",
            "dev.osprey.core.wrangle.Step$CastPolicy", "dev.osprey.core.wrangle.Step$DatePart",
            "dev.osprey.core.wrangle.Step$FillMethod", "dev.osprey.core.wrangle.Step$BinMethod",
            "dev.osprey.core.wrangle.Step$ClipMethod", "dev.osprey.core.wrangle.Step$TextCase",
            "dev.osprey.core.wrangle.StepFit$Fill", "dev.osprey.core.wrangle.StepFit$Scale",
            "dev.osprey.core.wrangle.StepFit$Categories", "dev.osprey.core.wrangle.StepFit$Edges",
            "dev.osprey.core.wrangle.StepFit$Bounds");

    /**
     * The Smile packages a fitted model is made of (every algorithm's model of every problem type
     * holds classes of these only: {@code ModelFilterAlgorithmsTest}), each on its own, without its
     * sub-packages. Smile's file readers ({@code smile.io}), data frames and the rest of the library
     * cannot be in a model, so a file that holds them is refused.
     */
    private static final Set<String> SMILE_PACKAGES = Set.of("smile.classification", "smile.regression",
            "smile.data.formula", "smile.data.type", "smile.math", "smile.math.kernel", "smile.model.cart",
            "smile.model.mlp", "smile.model.svm", "smile.neighbor", "smile.stat.distribution", "smile.tensor",
            "smile.util", "smile.util.function", "smile.validation", "smile.math.distance");

    private final long maxBytes;
    private volatile String rejection;

    ModelFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Why the stream was rejected, or null. */
    String rejection() {
        return rejection;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return reject("its objects are nested deeper than " + MAX_DEPTH + " levels");
        }
        if (info.references() > MAX_REFS) {
            return reject("it holds more than " + MAX_REFS + " objects");
        }
        if (info.streamBytes() > maxBytes) {
            return reject("it reads past its own " + maxBytes + " bytes");
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return reject("it declares an array of " + info.arrayLength() + " elements");
        }
        Class<?> c = info.serialClass();
        // every HashMap, HashSet and their linked variants checks its Map.Entry[] table here while
        // it is read, which shows where each instance sits (later instances of a class show no class)
        if (c == java.util.Map.Entry[].class && info.depth() > MAX_HASH_DEPTH) {
            return reject("its hash-based collections are nested deeper than " + MAX_HASH_DEPTH + " levels");
        }
        if (c == null) {
            return Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || allowed(c.getName())) {
            return Status.ALLOWED;
        }
        return reject("it contains the class " + c.getName() + ", which is not part of a model");
    }

    static boolean allowed(String name) {
        if (JAVA_CLASSES.contains(name) || OSPREY_CLASSES.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        if (name.startsWith("smile.") && SMILE_PACKAGES.contains(name.substring(0, dot))) {
            return true;
        }
        String pkg = "dev.osprey.core.train.";
        return name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0;
    }

    private Status reject(String reason) {
        if (rejection == null) {
            rejection = reason;
        }
        return Status.REJECTED;
    }
}
