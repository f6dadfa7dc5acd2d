package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/** A recipe as a notebook cell: Java that builds the same steps and runs them through the Engine API. */
final class JavaExport {
    /** The system property the notebook kernel sets to the workspace folder. */
    static final String WORKSPACE_PROPERTY = "osprey.workspace";

    private JavaExport() {
    }

    static String cell(String datasetName, Recipe recipe) {
        StringBuilder sb = new StringBuilder();
        sb.append("// The recipe over '").append(comment(datasetName)).append("' as code; the kernel sets ")
                .append(WORKSPACE_PROPERTY).append(".\n");
        sb.append("import dev.osprey.core.wrangle.*;\n");
        sb.append("import dev.osprey.core.data.ColumnType;\n");
        sb.append("var recipe = new Recipe(java.util.List.of(");
        for (int i = 0; i < recipe.size(); i++) {
            RecipeStep s = recipe.steps().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("        new RecipeStep(").append(value(s.step())).append(", ")
                    .append(s.enabled()).append(')');
        }
        sb.append("));\n");
        sb.append("try (var engine = dev.osprey.core.Engine.open(java.nio.file.Path.of(System.getProperty(")
                .append(literal(WORKSPACE_PROPERTY)).append(")))) {\n");
        sb.append("    var source = engine.datasets().find(").append(literal(datasetName))
                .append(").orElseThrow(() -> new IllegalStateException(")
                .append(literal("There is no dataset '" + datasetName + "'.")).append("));\n");
        sb.append("    var preview = engine.recipes().preview(source.id(), recipe, 10);\n");
        sb.append("    System.out.println(preview.columns().stream().map(c -> c.name()).toList());\n");
        sb.append("    preview.rows().forEach(System.out::println);\n");
        sb.append("    // To keep the result as a dataset:\n");
        sb.append("    // engine.recipes().saveAs(\"my recipe\", source.id(), recipe, \"")
                .append(comment(datasetName)).append("_prepared\", dev.osprey.core.job.JobContext.NONE);\n");
        sb.append("}\n");
        return sb.toString();
    }

    static String value(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> literal(s);
            case Long l -> l + "L";
            case Double d -> d.isNaN() ? "Double.NaN" : d.toString();
            case Integer i -> i.toString();
            case Boolean b -> b.toString();
            case ColumnType t -> "ColumnType." + t.name();
            case Enum<?> e -> typeName(e.getDeclaringClass()) + "." + e.name();
            case List<?> l -> l.stream().map(JavaExport::value).collect(Collectors.joining(", ", "java.util.List.of(", ")"));
            case Record r -> {
                StringBuilder sb = new StringBuilder("new ").append(typeName(r.getClass())).append('(');
                RecordComponent[] comps = r.getClass().getRecordComponents();
                for (int i = 0; i < comps.length; i++) {
                    try {
                        sb.append(i == 0 ? "" : ", ").append(value(comps[i].getAccessor().invoke(r)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                yield sb.append(')').toString();
            }
            default -> throw new IllegalArgumentException("cannot write " + v.getClass() + " as Java");
        };
    }

    /** {@code Step.FillMissing}, {@code Condition.Op}: nested names as the cell's imports see them. */
    private static String typeName(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : typeName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]", " ").replace("*/", "* /");
    }
}
