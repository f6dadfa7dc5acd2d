package dev.osprey.core.train;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The deserialization filter of model files: only the classes a model is made of (Osprey's
 * model classes, Smile's models, a few java.lang and java.util value classes, arrays of them),
 * and hard limits on nesting, object count, array length and stream size. The limits are what
 * stop a crafted file (nested sets, "billion laughs") before it costs time or memory; the first
 * reason for a rejection is kept so the user reads it.
 */
final class ModelFilter implements ObjectInputFilter {
    /** Trees are limited to depth 32, so a real model stays well below this. */
    static final int MAX_DEPTH = 100;
    static final long MAX_REFS = 5_000_000;
    static final long MAX_ARRAY = 100_000_000;

    private static final Set<String> JAVA_CLASSES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Enum", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.BitSet",
            "java.util.Map$Entry", "java.util.CollSer", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet");
    private static final Set<String> OSPREY_CLASSES = Set.of("dev.osprey.core.data.ColumnType");

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
        if (name.startsWith("smile.") || JAVA_CLASSES.contains(name) || OSPREY_CLASSES.contains(name)) {
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
