package dev.osprey.core.label;

import java.util.regex.Pattern;

/** A class annotators can choose, with its colour ({@code #rrggbb}) and hotkey (one character). */
public record LabelClass(String name, String color, String hotkey) {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public LabelClass {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a class needs a name");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("class '" + name + "': colour must look like #1f77b4, got " + color);
        }
        if (hotkey != null && hotkey.length() != 1) {
            throw new IllegalArgumentException("class '" + name + "': a hotkey is one character, got '" + hotkey + "'");
        }
    }

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** Classes with the default palette and hotkeys 1..9, 0 for the first ten. */
    public static java.util.List<LabelClass> of(String... names) {
        java.util.List<LabelClass> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String key = i < 9 ? String.valueOf(i + 1) : i == 9 ? "0" : null;
            out.add(new LabelClass(names[i], PALETTE[i % PALETTE.length], key));
        }
        return java.util.List.copyOf(out);
    }
}
