package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every step kind and every fit survive the catalog's JSON unchanged. */
class StepCodecTest {
    static List<Step> oneOfEach() {
        List<String> c = List.of("a");
        return List.of(new Step.SelectColumns(c), new Step.DropColumns(c), new Step.RenameColumn("a", "b"),
                new Step.ReorderColumns(c), new Step.CastColumn("a", ColumnType.DATE, Step.CastPolicy.DROP_ROW),
                new Step.ParseDate("a", "%d/%m/%Y", Step.CastPolicy.NULL), new Step.ExtractDatePart("a", Step.DatePart.QUARTER, null),
                new Step.FillMissing("a", Step.FillMethod.CONSTANT, "it's \"x\""), new Step.DropMissing(List.of()),
                new Step.MissingIndicator("a", "m"),
                new Step.Filter(new Condition.Or(List.of(new Condition.Not(new Condition.Compare("a", Condition.Op.LE, "1.5")),
                        new Condition.And(List.of(new Condition.Sql("a > 2"), new Condition.Compare("a", Condition.Op.IS_MISSING, null)))))),
                new Step.RemoveDuplicates(c), new Step.ComputedColumn("b", "a * 2"), new Step.OneHotEncode("a", true),
                new Step.OrdinalEncode("a", null), new Step.Standardize("a"), new Step.MinMaxScale("a"),
                new Step.Bin("a", Step.BinMethod.QUANTILE, 7, null), new Step.LogTransform("a", 0.5),
                new Step.PowerTransform("a", -1.25), new Step.ClipOutliers("a", Step.ClipMethod.QUANTILE, 0, 0.01, 0.99),
                new Step.TrimText("a"), new Step.ChangeCase("a", Step.TextCase.UPPER), new Step.RegexReplace("a", "\\d+", "#$0"),
                new Step.SplitText("a", ";", 3), new Step.TextLength("a", null),
                new Step.Join("other", Step.JoinKind.ANTI, c, List.of("b")), new Step.Concatenate("other"),
                new Step.GroupBy(c, List.of(new Step.Aggregate(null, Step.AggFunction.COUNT, "n"),
                        new Step.Aggregate("b", Step.AggFunction.STD, null))),
                new Step.Sample(Step.SampleMethod.STRATIFIED, 0, 0.1, "a", -3), new Step.TrainTestSplit(0.25, Long.MAX_VALUE, "s"),
                new Step.Balance("a", Step.BalanceMethod.OVERSAMPLE, 9));
    }

    @Test
    void everyStepKindRoundTrips() {
        List<Step> steps = oneOfEach();
        Set<String> kinds = steps.stream().map(s -> s.getClass().getSimpleName()).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(Arrays.stream(Step.class.getPermittedSubclasses())
                .map(Class::getSimpleName).toList());
        Recipe recipe = Recipe.of(steps.toArray(Step[]::new)).setEnabled(3, false);
        List<StepFit> fits = new ArrayList<>();
        for (int i = 0; i < recipe.size(); i++) {
            fits.add(switch (i % 6) {
                case 0 -> new StepFit.Fill(0.1 + 0.2, null);
                case 1 -> new StepFit.Scale(-3.5e-12, 1e300);
                case 2 -> new StepFit.Categories(List.of("x", "é", "a\"b"));
                case 3 -> new StepFit.Edges(List.of(1.0, 2.5));
                case 4 -> new StepFit.Bounds(-Double.MAX_VALUE, Double.MAX_VALUE);
                default -> null;
            });
        }
        FittedRecipe f = new FittedRecipe(recipe, fits);
        assertThat(StepCodec.read(StepCodec.write(f))).isEqualTo(f);
        for (Step s : steps) {
            assertThat(s.label()).isNotBlank();
            assertThat(JavaExport.value(s)).startsWith("new Step.");
        }
    }

    @Test
    void anUnknownKindIsAClearError() {
        assertThatThrownBy(() -> StepCodec.read("{\"format\":1,\"steps\":[{\"enabled\":true,\"step\":{\"@kind\":\"Teleport\"},"
                + "\"fit\":null}]}")).hasMessageContaining("unknown kind 'Teleport'");
    }
}
