package dev.osprey.core.wrangle;

import java.util.List;
import java.util.Locale;

/** The one-line text of each step in the step list and in error messages. */
final class StepLabels {
    private StepLabels() {
    }

    static String label(Step step) {
        return switch (step) {
            case Step.SelectColumns s -> "Select " + list(s.columns());
            case Step.DropColumns s -> "Drop " + list(s.columns());
            case Step.RenameColumn s -> "Rename " + q(s.column()) + " to " + q(s.newName());
            case Step.ReorderColumns s -> "Move " + list(s.first()) + " first";
            case Step.CastColumn s -> "Cast " + q(s.column()) + " to " + s.type();
            case Step.ParseDate s -> "Parse dates in " + q(s.column()) + " (" + s.format() + ")";
            case Step.ExtractDatePart s -> "Extract " + lower(s.part()) + " of " + q(s.column());
            case Step.FillMissing s -> "Fill missing " + q(s.column()) + " with "
                    + (s.method() == Step.FillMethod.CONSTANT ? "'" + s.constant() + "'" : lower(s.method()));
            case Step.DropMissing s -> "Drop rows with missing " + (s.columns().isEmpty() ? "values" : list(s.columns()));
            case Step.MissingIndicator s -> "Missing indicator for " + q(s.column());
            case Step.Filter s -> "Filter " + Conditions.describe(s.condition());
            case Step.RemoveDuplicates s -> "Remove duplicates" + (s.columns().isEmpty() ? "" : " by " + list(s.columns()));
            case Step.ComputedColumn s -> "Compute " + q(s.name()) + " = " + s.expression();
            case Step.OneHotEncode s -> "One-hot encode " + q(s.column());
            case Step.OrdinalEncode s -> "Ordinal encode " + q(s.column());
            case Step.Standardize s -> "Standardize " + q(s.column());
            case Step.MinMaxScale s -> "Min-max scale " + q(s.column());
            case Step.Bin s -> "Bin " + q(s.column()) + " into " + s.bins() + " (" + lower(s.method()) + ")";
            case Step.LogTransform s -> "Log of " + q(s.column());
            case Step.PowerTransform s -> "Power " + s.exponent() + " of " + q(s.column());
            case Step.ClipOutliers s -> "Clip outliers of " + q(s.column()) + " (" + lower(s.method()) + ")";
            case Step.TrimText s -> "Trim " + q(s.column());
            case Step.ChangeCase s -> lower(s.textCase()) + " case " + q(s.column());
            case Step.RegexReplace s -> "Replace /" + s.pattern() + "/ in " + q(s.column());
            case Step.SplitText s -> "Split " + q(s.column()) + " on '" + s.delimiter() + "'";
            case Step.TextLength s -> "Length of " + q(s.column());
            case Step.Join s -> lower(s.kind()) + " join " + s.otherDataset() + " on " + list(s.leftKeys());
            case Step.Concatenate s -> "Append " + s.otherDataset();
            case Step.GroupBy s -> "Group by " + (s.keys().isEmpty() ? "(all rows)" : list(s.keys()));
            case Step.Sample s -> "Sample (" + lower(s.method()) + ")";
            case Step.TrainTestSplit s -> "Train/test split " + Math.round(s.testFraction() * 100) + "% test";
            case Step.Balance s -> "Balance " + q(s.column()) + " (" + lower(s.method()) + ")";
        };
    }

    private static String q(String name) {
        return "'" + name + "'";
    }

    private static String list(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names.stream().map(StepLabels::q).toList())
                : q(names.get(0)) + ", " + q(names.get(1)) + " and " + (names.size() - 2) + " more";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
