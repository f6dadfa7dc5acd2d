package dev.osprey.core.wrangle;

import dev.osprey.core.json.Json;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted recipe as JSON and back. Steps, conditions and fits are records; each is written as an
 * object with its {@code @kind} (the record's simple name) and its components by name, so a step added
 * later needs no codec change. Reading goes through the records' constructors, so their checks apply.
 */
final class StepCodec {
    static final int FORMAT = 1;
    /** The key naming a record's kind; "@" keeps it apart from components such as {@code Join.kind}. */
    static final String KIND = "@kind";

    private StepCodec() {
    }

    static String write(FittedRecipe f) {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < f.recipe().size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", f.recipe().steps().get(i).enabled());
            m.put("step", value(f.recipe().step(i)));
            m.put("fit", value(f.fits().get(i)));
            steps.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("steps", steps);
        return Json.write(root);
    }

    static FittedRecipe read(String json) {
        Map<?, ?> root = (Map<?, ?>) Json.parse(json);
        List<RecipeStep> steps = new ArrayList<>();
        List<StepFit> fits = new ArrayList<>();
        for (Object o : (List<?>) root.get("steps")) {
            Map<?, ?> m = (Map<?, ?>) o;
            steps.add(new RecipeStep((Step) read(m.get("step"), Step.class), Boolean.TRUE.equals(m.get("enabled"))));
            fits.add((StepFit) read(m.get("fit"), StepFit.class));
        }
        return new FittedRecipe(new Recipe(steps), fits);
    }

    private static Object value(Object v) {
        return switch (v) {
            case null -> null;
            case Record r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(KIND, r.getClass().getSimpleName());
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        m.put(c.getName(), value(c.getAccessor().invoke(r)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                yield m;
            }
            case Enum<?> e -> e.name();
            case List<?> l -> l.stream().map(StepCodec::value).toList();
            default -> v;
        };
    }

    /** Reads {@code json} as a value of {@code type} (a record, a sealed interface of records, or a plain value). */
    static Object read(Object json, Type type) {
        if (json == null) {
            return null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            return ((List<?>) json).stream().map(x -> read(x, element)).toList();
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return json.toString();
        }
        if (cls == int.class || cls == Integer.class) {
            return ((Number) json).intValue();
        }
        if (cls == long.class || cls == Long.class) {
            return ((Number) json).longValue();
        }
        if (cls == double.class || cls == Double.class) {
            return ((Number) json).doubleValue();
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return json;
        }
        if (cls.isEnum()) {
            return enumValue(cls, json.toString());
        }
        Map<?, ?> m = (Map<?, ?>) json;
        Class<?> target = cls.isSealed() ? kind(cls, String.valueOf(m.get(KIND))) : cls;
        RecordComponent[] comps = target.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            Object raw = m.get(comps[i].getName());
            args[i] = raw == null && types[i].isPrimitive() ? defaultOf(types[i]) : read(raw, comps[i].getGenericType());
        }
        try {
            Constructor<?> k = target.getDeclaredConstructor(types);
            return k.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException("A stored recipe step is not valid: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> kind(Class<?> sealed, String name) {
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.getSimpleName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("A stored recipe has a step of unknown kind '" + name
                + "' (saved by a newer Osprey?).");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> cls, String name) {
        return Enum.valueOf((Class) cls, name);
    }

    private static Object defaultOf(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        return 0.0;
    }
}
