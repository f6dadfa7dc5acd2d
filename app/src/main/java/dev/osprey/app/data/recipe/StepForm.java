package dev.osprey.app.data.recipe;

import dev.osprey.core.wrangle.Condition;
import dev.osprey.core.wrangle.Step;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A step's form, generated from its record's components: a column picker for parameters that
 * name a column, a drop-down for enums, a check box for booleans, a text field for numbers,
 * text and lists (comma-separated), and a small condition builder (column, operator, value, or
 * a SQL expression) for a filter. {@link #build()} calls the record's constructor, so its own
 * checks speak when a value is wrong.
 */
final class StepForm extends GridPane {
    private final Class<? extends Step> kind;
    private final Map<String, Supplier<Object>> readers = new LinkedHashMap<>();

    StepForm(Class<? extends Step> kind, Step current, List<String> columns) {
        this.kind = kind;
        setId("stepForm");
        getStyleClass().add("step-form");
        setHgap(8);
        setVgap(6);
        int row = 0;
        for (RecordComponent rc : kind.getRecordComponents()) {
            Object value = current == null ? null : read(rc, current);
            Label label = new Label(words(rc.getName()));
            label.getStyleClass().add("muted");
            Node editor = editor(rc, value, columns);
            add(label, 0, row);
            add(editor, 1, row);
            row++;
        }
    }

    /** The step the form describes; IllegalArgumentException with the record's message when a value is wrong. */
    Step build() {
        RecordComponent[] rcs = kind.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = readers.get(rcs[i].getName()).get();
        }
        try {
            Constructor<? extends Step> c = kind.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + kind.getSimpleName(), e);
        }
    }

    /** "newColumn" -> "New column"; "Fill missing" for the class name FillMissing. */
    static String words(String camel) {
        String s = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Object read(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private Node editor(RecordComponent rc, Object value, List<String> columns) {
        String name = rc.getName();
        Class<?> type = rc.getType();
        Control control;
        if (type == boolean.class) {
            CheckBox box = new CheckBox();
            box.setSelected(value == null || (Boolean) value);
            readers.put(name, box::isSelected);
            control = box;
        } else if (type.isEnum()) {
            ComboBox<Object> combo = new ComboBox<>(FXCollections.observableArrayList(type.getEnumConstants()));
            combo.getSelectionModel().select(value != null ? value : type.getEnumConstants()[0]);
            readers.put(name, combo::getValue);
            control = combo;
        } else if (type == Condition.class) {
            return conditionEditor(name, (Condition) value, columns);
        } else if (type == String.class && namesAColumn(name)) {
            ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(columns));
            combo.setEditable(true);
            combo.setValue(value == null ? (name.equals("column") && !columns.isEmpty() ? columns.getFirst() : null)
                    : (String) value);
            readers.put(name, () -> blankToNull(combo.getEditor().getText()));
            control = combo;
        } else if (type == List.class) {
            TextField field = new TextField(value == null ? "" : listText(value));
            field.setPromptText(elementType(rc) == Step.Aggregate.class ? "FUNCTION column AS name; ..." : "a, b, c");
            boolean aggregates = elementType(rc) == Step.Aggregate.class;
            readers.put(name, () -> aggregates ? aggregates(field.getText()) : names(field.getText()));
            control = field;
        } else {
            TextField field = new TextField(value == null ? defaultText(type, name) : String.valueOf(value));
            readers.put(name, () -> parse(field.getText(), type, name));
            control = field;
        }
        control.setId("step-" + name);
        control.setPrefWidth(180);
        return control;
    }

    private Node conditionEditor(String name, Condition value, List<String> columns) {
        ComboBox<String> column = new ComboBox<>(FXCollections.observableArrayList(columns));
        column.setEditable(true);
        column.setId("step-condition-column");
        ComboBox<Condition.Op> op = new ComboBox<>(FXCollections.observableArrayList(Condition.Op.values()));
        op.setId("step-condition-op");
        TextField operand = new TextField();
        operand.setId("step-condition-value");
        operand.setPromptText("value");
        operand.setPrefColumnCount(6);
        TextField sql = new TextField();
        sql.setId("step-condition-sql");
        sql.setPromptText("or a SQL expression");
        if (value instanceof Condition.Compare c) {
            column.setValue(c.column());
            op.setValue(c.op());
            operand.setText(c.value() == null ? "" : c.value());
        } else if (value instanceof Condition.Sql s) {
            sql.setText(s.expression());
        } else if (value != null) {
            sql.setText("(kept as built)");
        }
        if (column.getValue() == null && !columns.isEmpty()) {
            column.setValue(columns.getFirst());
        }
        if (op.getValue() == null) {
            op.setValue(Condition.Op.NOT_MISSING);
        }
        Condition original = value;
        readers.put(name, () -> {
            String expr = sql.getText().strip();
            if (expr.equals("(kept as built)")) {
                return original;
            }
            if (!expr.isEmpty()) {
                return new Condition.Sql(expr);
            }
            Condition.Op o = op.getValue();
            boolean unary = o == Condition.Op.IS_MISSING || o == Condition.Op.NOT_MISSING;
            return new Condition.Compare(column.getEditor().getText().strip(), o, unary ? null : operand.getText());
        });
        HBox simple = new HBox(4, column, op, operand);
        column.setPrefWidth(120);
        GridPane box = new GridPane();
        box.setVgap(4);
        box.add(simple, 0, 0);
        box.add(sql, 0, 1);
        return box;
    }

    private static boolean namesAColumn(String name) {
        return name.equals("column") || name.equals("stratifyBy");
    }

    private static Class<?> elementType(RecordComponent rc) {
        Type t = rc.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    private static String listText(Object value) {
        List<?> list = (List<?>) value;
        List<String> parts = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Step.Aggregate a) {
                parts.add(a.function() + " " + (a.column() == null ? "*" : a.column()) + (a.as() == null ? "" : " AS " + a.as()));
            } else {
                parts.add(String.valueOf(o));
            }
        }
        return String.join(list.isEmpty() || list.getFirst() instanceof Step.Aggregate ? "; " : ", ", parts);
    }

    private static List<String> names(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "MEAN price AS avg_price; COUNT *" -> aggregates. */
    private static List<Step.Aggregate> aggregates(String text) {
        List<Step.Aggregate> list = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] w = part.strip().split("\\s+");
            if (w.length == 0 || w[0].isEmpty()) {
                continue;
            }
            Step.AggFunction f;
            try {
                f = Step.AggFunction.valueOf(w[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + w[0] + "' is not an aggregate; use one of "
                        + Arrays.toString(Step.AggFunction.values()) + ".");
            }
            String column = w.length > 1 && !w[1].equals("*") ? w[1] : null;
            String as = w.length > 3 && w[2].equalsIgnoreCase("as") ? w[3] : null;
            list.add(new Step.Aggregate(column, f, as));
        }
        return list;
    }

    private static String defaultText(Class<?> type, String name) {
        if (type == int.class) {
            return name.equals("bins") ? "10" : "2";
        }
        if (type == long.class) {
            return name.equals("seed") ? "42" : "1000";
        }
        if (type == double.class) {
            return switch (name) {
                case "k" -> "3";
                case "testFraction", "fraction" -> "0.2";
                case "lowerQuantile" -> "0.01";
                case "upperQuantile" -> "0.99";
                case "offset" -> "1";
                case "exponent" -> "0.5";
                default -> "0";
            };
        }
        return "";
    }

    private static Object parse(String text, Class<?> type, String name) {
        String t = text.strip();
        try {
            if (type == int.class) {
                return Integer.parseInt(t);
            }
            if (type == long.class) {
                return Long.parseLong(t);
            }
            if (type == double.class) {
                return Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number (" + words(name).toLowerCase(Locale.ROOT) + ").");
        }
        return blankToNull(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
