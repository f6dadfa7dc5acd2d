package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fitted row-wise transform gives what the SQL path gives, for every row of the file. */
class RowTransformTest {
    @TempDir
    Path tmp;
    People p;

    @BeforeEach
    void setUp() throws Exception {
        p = new People(tmp);
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    static Recipe rowWise() {
        return Recipe.of(
                new Step.TrimText("name"),
                new Step.ChangeCase("name", Step.TextCase.UPPER),
                new Step.TextLength("name", null),
                new Step.CastColumn("qty", ColumnType.INTEGER, Step.CastPolicy.NULL),
                new Step.ParseDate("joined", "%d/%m/%Y", Step.CastPolicy.NULL),
                new Step.ExtractDatePart("joined", Step.DatePart.MONTH, null),
                new Step.MissingIndicator("income", null),
                new Step.FillMissing("age", Step.FillMethod.MEDIAN, null),
                new Step.FillMissing("city", Step.FillMethod.MODE, null),
                new Step.ClipOutliers("income", Step.ClipMethod.QUANTILE, 0, 0.05, 0.95),
                new Step.Standardize("income"),
                new Step.MinMaxScale("qty"),
                new Step.Bin("age", Step.BinMethod.QUANTILE, 4, null),
                new Step.LogTransform("id", 0),
                new Step.PowerTransform("age", 2),
                new Step.OneHotEncode("city", true),
                new Step.OrdinalEncode("label", null),
                new Step.RegexReplace("code", "-z(\\d+)", "/$1"),
                new Step.SplitText("code", "/", 2),
                new Step.RenameColumn("code_2", "number"),
                new Step.CastColumn("number", ColumnType.INTEGER, Step.CastPolicy.FAIL),
                new Step.Filter(new Condition.Compare("age", Condition.Op.GT, "20")),
                new Step.DropColumns(List.of("code")));
    }

    @Test
    void rowTransformMatchesSqlForEveryRow() throws Exception {
        Recipe recipe = rowWise().setEnabled(21, false); // the filter would drop rows; serving skips it anyway
        FittedRecipe fitted = p.recipes().fit(p.people.id(), recipe, JobContext.NONE);
        Path out = tmp.resolve("out.csv");
        List<Map<String, Object>> sql = People.maps(p.recipes().preview(p.people.id(), recipe, 1000));
        RowTransform t = roundTrip(fitted.rowTransform(p.people.columns()));
        assertThat(sql).hasSize(People.ROWS);
        for (int i = 0; i < People.ROWS; i++) {
            Map<String, Object> raw = new LinkedHashMap<>();
            // served rows arrive as text, as in a JSON or CSV request
            p.rows.get(i).forEach((k, v) -> raw.put(k, v == null ? null : v.toString()));
            Map<String, Object> java = t.apply(raw);
            assertThat(java.keySet()).as("columns").containsExactlyElementsOf(sql.get(i).keySet());
            for (String k : java.keySet()) {
                Object a = java.get(k);
                Object b = sql.get(i).get(k);
                if (a instanceof Double x && b instanceof Double y) {
                    assertThat(x).as("row %d column %s", i, k).isCloseTo(y, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(y))));
                } else {
                    assertThat(a).as("row %d column %s", i, k).isEqualTo(b);
                }
            }
        }
        assertThat(t.outputColumns()).containsExactlyElementsOf(sql.getFirst().keySet());
        assertThat(out).doesNotExist();
    }

    @Test
    void filterAndSamplingAreSkippedAndJoinsRefused() throws Exception {
        FittedRecipe fitted = p.recipes().fit(p.people.id(), rowWise().add(new Step.TrainTestSplit(0.2, 1, null)), JobContext.NONE);
        RowTransform t = fitted.rowTransform(p.people.columns());
        assertThat(t.skippedSteps()).containsExactly("Step 22 (Filter 'age' > 20)", "Step 24 (Train/test split 20% test)");
        Map<String, Object> young = new LinkedHashMap<>(p.rows.get(0));
        young.put("age", "3");
        assertThat(t.apply(young)).containsEntry("age", 9.0); // not dropped by the filter

        FittedRecipe joined = p.recipes().fit(p.people.id(), Recipe.of(new Step.Join("cities", Step.JoinKind.LEFT,
                List.of("city"), List.of("city"))), JobContext.NONE);
        assertThatThrownBy(() -> joined.rowTransform(p.people.columns())).isInstanceOf(WrangleException.class)
                .hasMessageContaining("Step 1 (left join cities on 'city'): this step cannot run on a single row");
    }

    @Test
    void aFailingCastNamesTheColumn() throws Exception {
        FittedRecipe fitted = p.recipes().fit(p.people.id(), Recipe.of(new Step.CastColumn("code", ColumnType.INTEGER,
                Step.CastPolicy.NULL), new Step.CastColumn("name", ColumnType.DECIMAL, Step.CastPolicy.FAIL)).setEnabled(1, false),
                JobContext.NONE);
        RowTransform t = fitted.rowTransform(p.people.columns());
        assertThat(t.apply(Map.of("code", "12"))).containsEntry("code", 12L);
        assertThat(t.apply(Map.of("code", "A-1"))).containsEntry("code", null);
        assertThatThrownBy(() -> t.apply(Map.of("age", "old"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column 'age': \"old\" is not an integer value");
    }

    private static RowTransform roundTrip(RowTransform t) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RowTransform) in.readObject();
        }
    }
}
