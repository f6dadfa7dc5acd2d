package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column steps and conversions, each checked against the same computation in plain Java. */
class ColumnStepsTest {
    @TempDir
    java.nio.file.Path tmp;
    People p;

    @BeforeEach
    void setUp() throws Exception {
        p = new People(tmp);
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    @Test
    void theFixtureIsReadWithTheExpectedTypes() {
        assertThat(p.people.columns()).extracting(Column::name)
                .containsExactly("id", "name", "age", "income", "city", "joined", "qty", "label", "code");
        assertThat(p.people.column("age").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
        assertThat(p.people.column("income").orElseThrow().type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(p.people.column("joined").orElseThrow().type().isNumeric()).isFalse();
        assertThat(p.people.column("qty").orElseThrow().type().isNumeric()).isFalse();
    }

    @Test
    void selectDropRenameReorder() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.SelectColumns(List.of("city", "id")));
        assertThat(out.getFirst().keySet()).containsExactly("city", "id");
        assertThat(out).extracting(r -> r.get("id")).isEqualTo(p.column("id"));

        out = p.run(new Step.DropColumns(List.of("name", "code")));
        assertThat(out.getFirst().keySet()).containsExactly("id", "age", "income", "city", "joined", "qty", "label");

        out = p.run(new Step.RenameColumn("age", "years"), new Step.ReorderColumns(List.of("label", "years")));
        assertThat(out.getFirst().keySet()).containsExactly("label", "years", "id", "name", "income", "city", "joined", "qty",
                "code");
        assertThat(out).extracting(r -> r.get("years")).isEqualTo(p.column("age"));
    }

    @Test
    void castReportsFailuresUnderEachPolicy() throws Exception {
        List<Object> expected = new ArrayList<>();
        for (Object q : p.column("qty")) {
            expected.add(((String) q).startsWith("x") ? null : Long.parseLong((String) q));
        }
        Preview nulls = p.recipes().preview(p.people.id(), Recipe.of(new Step.CastColumn("qty", ColumnType.INTEGER,
                Step.CastPolicy.NULL)), 1000);
        assertThat(People.maps(nulls)).extracting(r -> r.get("qty")).isEqualTo(expected);
        assertThat(nulls.notes()).singleElement().asString().contains("6 of 60 rows cannot be converted").contains("missing");
        assertThat(nulls.columns().get(6).type()).isEqualTo(ColumnType.INTEGER);

        Preview dropped = p.recipes().preview(p.people.id(), Recipe.of(new Step.CastColumn("qty", ColumnType.INTEGER,
                Step.CastPolicy.DROP_ROW)), 1000);
        assertThat(dropped.rows()).hasSize(54);
        assertThat(dropped.notes()).singleElement().asString().contains("6 of 60 rows").contains("dropped");

        RecipeEditor editor = p.recipes().editor(p.people.id());
        editor.add(new Step.DropColumns(List.of("code")));
        Recipe before = editor.recipe();
        assertThatThrownBy(() -> editor.add(new Step.CastColumn("qty", ColumnType.INTEGER, Step.CastPolicy.FAIL)))
                .isInstanceOf(WrangleException.class)
                .hasMessageContaining("Step 2 (Cast 'qty' to INTEGER)")
                .hasMessageContaining("6 of 60 rows cannot be converted (for example \"x10\")");
        assertThat(editor.recipe()).isEqualTo(before);
        assertThat(editor.canRedo()).isFalse();
    }

    @Test
    void parseDatesAndExtractParts() throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<Map<String, Object>> out = p.run(new Step.ParseDate("joined", "%d/%m/%Y", Step.CastPolicy.NULL),
                new Step.ExtractDatePart("joined", Step.DatePart.YEAR, null),
                new Step.ExtractDatePart("joined", Step.DatePart.MONTH, "m"),
                new Step.ExtractDatePart("joined", Step.DatePart.DAY_OF_WEEK, null));
        for (int i = 0; i < People.ROWS; i++) {
            String text = (String) p.rows.get(i).get("joined");
            LocalDate d = text.equals("n/a") ? null : LocalDate.parse(text, f);
            Map<String, Object> r = out.get(i);
            assertThat(r.get("joined")).isEqualTo(d);
            assertThat(r.get("joined_year")).isEqualTo(d == null ? null : (long) d.getYear());
            assertThat(r.get("m")).isEqualTo(d == null ? null : (long) d.getMonthValue());
            assertThat(r.get("joined_day_of_week")).isEqualTo(d == null ? null : (long) d.getDayOfWeek().getValue());
        }
    }

    @Test
    void fillMissingDropMissingAndIndicator() throws Exception {
        List<Double> ages = p.numbers("age");
        double mean = ages.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        List<Map<String, Object>> out = p.run(new Step.MissingIndicator("age", null),
                new Step.FillMissing("age", Step.FillMethod.MEAN, null),
                new Step.FillMissing("income", Step.FillMethod.MEDIAN, null),
                new Step.FillMissing("city", Step.FillMethod.MODE, null),
                new Step.FillMissing("name", Step.FillMethod.CONSTANT, "nobody"));
        double median = Stats.median(p.numbers("income"));
        String mode = Stats.mode(p.column("city"));
        for (int i = 0; i < People.ROWS; i++) {
            Map<String, Object> raw = p.rows.get(i);
            Map<String, Object> r = out.get(i);
            assertThat(r.get("age_missing")).isEqualTo(raw.get("age") == null ? 1L : 0L);
            assertThat((Double) r.get("age")).isCloseTo(raw.get("age") == null ? mean : ((Long) raw.get("age")).doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.get("income")).isEqualTo(raw.get("income") == null ? median : raw.get("income"));
            assertThat(r.get("city")).isEqualTo(raw.get("city") == null ? mode : raw.get("city"));
        }
        long complete = p.rows.stream().filter(r -> r.get("age") != null && r.get("income") != null).count();
        assertThat(p.run(new Step.DropMissing(List.of("age", "income")))).hasSize((int) complete);
        long noneMissing = p.rows.stream().filter(r -> !r.containsValue(null)).count();
        assertThat(p.run(new Step.DropMissing(List.of()))).hasSize((int) noneMissing);
    }

    @Test
    void textSteps() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.TrimText("name"), new Step.ChangeCase("name", Step.TextCase.LOWER),
                new Step.TextLength("name", null), new Step.RegexReplace("code", "A-(\\d)", "B$1"),
                new Step.SplitText("code", "-", 3), new Step.ChangeCase("code_3", Step.TextCase.UPPER));
        for (int i = 0; i < People.ROWS; i++) {
            String name = ((String) p.rows.get(i).get("name")).strip().toLowerCase();
            String code = ((String) p.rows.get(i).get("code")).replaceAll("A-(\\d)", "B$1");
            Map<String, Object> r = out.get(i);
            assertThat(r.get("name")).isEqualTo(name);
            assertThat(r.get("name_length")).isEqualTo((long) name.length());
            assertThat(r.get("code")).isEqualTo(code);
            String[] parts = code.split("-");
            assertThat(r.get("code_1")).isEqualTo(parts[0]);
            assertThat(r.get("code_2")).isEqualTo(parts[1]);
            assertThat(r.get("code_3")).isEqualTo(parts.length > 2 ? parts[2].toUpperCase() : null);
        }
    }

    @Test
    void computedColumnAndBadExpressions() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.ComputedColumn("double_age", "age * 2 + 1"));
        for (int i = 0; i < People.ROWS; i++) {
            Long age = (Long) p.rows.get(i).get("age");
            assertThat(out.get(i).get("double_age")).isEqualTo(age == null ? null : age * 2 + 1);
        }
        RecipeEditor editor = p.recipes().editor(p.people.id());
        editor.add(new Step.TrimText("name"));
        Recipe before = editor.recipe();
        assertThatThrownBy(() -> editor.add(new Step.ComputedColumn("x", "age * * 2")))
                .isInstanceOf(WrangleException.class)
                .hasMessageStartingWith("Step 2 (Compute 'x' = age * * 2): the expression does not work:")
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> editor.add(new Step.Filter(new Condition.Sql("agee > 3"))))
                .hasMessageContaining("Step 2").hasMessageContaining("agee").hasMessageNotContaining("s1.");
        assertThatThrownBy(() -> editor.add(new Step.Standardize("city")))
                .hasMessage("Step 2 (Standardize 'city'): column 'city' is CATEGORY; it needs numbers (cast it first).");
        assertThatThrownBy(() -> editor.add(new Step.TrimText("nmae")))
                .hasMessageContaining("there is no column 'nmae'");
        assertThat(editor.recipe()).isEqualTo(before);
        assertThat(editor.preview().columns()).hasSize(9);
    }
}
