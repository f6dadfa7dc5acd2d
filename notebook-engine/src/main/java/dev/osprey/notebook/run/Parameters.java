package dev.osprey.notebook.run;

import dev.osprey.notebook.kernel.VariableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Papermill-style parameters for Java: each value (given as text, e.g. on a command line) becomes
 * a declaration of the type the {@code parameters} cell declared, or, for a name that cell does
 * not declare, of the type the text looks like (boolean, int, long, double, else String).
 */
final class Parameters {
    private Parameters() {
    }

    static String cell(Map<String, String> params, List<VariableInfo> declared) {
        StringBuilder sb = new StringBuilder("// Parameters injected by Osprey\n");
        for (var e : params.entrySet()) {
            String name = e.getKey();
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                throw new IllegalArgumentException("'" + name + "' is not a Java variable name");
            }
            Optional<String> type = declared.stream().filter(v -> v.name().equals(name)).map(VariableInfo::type).findFirst();
            String value = e.getValue();
            if (type.isPresent()) {
                sb.append(type.get()).append(' ').append(name).append(" = ").append(literal(type.get(), name, value)).append(";\n");
            } else {
                sb.append("var ").append(name).append(" = ").append(inferred(value)).append(";\n");
            }
        }
        return sb.toString();
    }

    static String literal(String type, String name, String value) {
        try {
            return switch (type) {
                case "int", "Integer", "java.lang.Integer" -> Integer.toString(Integer.parseInt(value.strip()));
                case "long", "Long", "java.lang.Long" -> Long.parseLong(value.strip()) + "L";
                case "short", "Short" -> "(short) " + Short.parseShort(value.strip());
                case "byte", "Byte" -> "(byte) " + Byte.parseByte(value.strip());
                case "double", "Double", "java.lang.Double" -> doubleLiteral(Double.parseDouble(value.strip()));
                case "float", "Float", "java.lang.Float" -> "(float) " + doubleLiteral(Float.parseFloat(value.strip()));
                case "boolean", "Boolean", "java.lang.Boolean" -> bool(value);
                case "char", "Character" -> {
                    if (value.length() != 1) {
                        throw new IllegalArgumentException("'" + value + "' is not one character");
                    }
                    yield "'" + escape(value).replace("'", "\\'") + "'";
                }
                case "String", "java.lang.String", "CharSequence" -> quote(value);
                default -> throw new IllegalArgumentException("only numbers, booleans, characters and strings can be passed, and it is a " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is a " + type + ", and '" + value + "' is not one", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
        }
    }

    static String inferred(String value) {
        String v = value.strip();
        if (v.equals("true") || v.equals("false")) {
            return v;
        }
        try {
            return Integer.toString(Integer.parseInt(v));
        } catch (NumberFormatException notInt) {
            // try the next type
        }
        try {
            return Long.parseLong(v) + "L";
        } catch (NumberFormatException notLong) {
            // try the next type
        }
        if (v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return doubleLiteral(Double.parseDouble(v));
        }
        return quote(value);
    }

    private static String bool(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        return v;
    }

    private static String doubleLiteral(double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(d);
    }

    static String quote(String s) {
        return "\"" + escape(s) + "\"";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }
}
