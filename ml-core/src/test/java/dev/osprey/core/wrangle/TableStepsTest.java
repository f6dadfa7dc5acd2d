package dev.osprey.core.wrangle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Steps that change the rows: filter, duplicates, join, concatenate, group by, sample, split, balance. */
class TableStepsTest {
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

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    @Test
    void filterWithTheBuilderAndWithSql() throws Exception {
        Condition c = new Condition.Or(List.of(
                new Condition.And(List.of(new Condition.Compare("age", Condition.Op.GE, "30"),
                        new Condition.Compare("city", Condition.Op.EQ, "Oslo"))),
                new Condition.Compare("income", Condition.Op.IS_MISSING, null),
                new Condition.Not(new Condition.Compare("code", Condition.Op.CONTAINS, "-z"))));
        List<Object> expected = p.rows.stream().filter(r ->
                (r.get("age") != null && (Long) r.get("age") >= 30 && "Oslo".equals(r.get("city")))
                        || r.get("income") == null).map(r -> r.get("id")).toList();
        assertThat(ids(p.run(new Step.Filter(c)))).isEqualTo(expected).isNotEmpty();

        List<Object> bySql = p.rows.stream().filter(r -> (Long) r.get("id") % 4 == 1 && ((String) r.get("label")).equals("ham"))
                .map(r -> r.get("id")).toList();
        assertThat(ids(p.run(new Step.Filter(new Condition.Sql("id % 4 = 1 AND label = 'ham'"))))).isEqualTo(bySql);

        assertThatThrownBy(() -> p.run(new Step.Filter(new Condition.Compare("age", Condition.Op.GT, "thirty"))))
                .hasMessageContaining("'thirty' is not an integer value");
        assertThatThrownBy(() -> p.run(new Step.Filter(new Condition.Sql("age >"))))
                .isInstanceOf(WrangleException.class).hasMessageContaining("Step 1").hasMessageContaining("syntax error");
    }

    @Test
    void removeDuplicates() throws Exception {
        Set<List<Object>> pairs = p.rows.stream().map(r -> java.util.Arrays.asList(r.get("city"), r.get("label")))
                .collect(Collectors.toSet());
        List<Map<String, Object>> out = p.run(new Step.RemoveDuplicates(List.of("city", "label")));
        assertThat(out).hasSize(pairs.size());
        assertThat(out.stream().map(r -> java.util.Arrays.asList(r.get("city"), r.get("label"))).collect(Collectors.toSet()))
                .isEqualTo(pairs);
        List<Map<String, Object>> doubled = p.run(new Step.Concatenate("people"));
        assertThat(doubled).hasSize(2 * People.ROWS);
        assertThat(p.run(new Step.Concatenate("people"), new Step.RemoveDuplicates(List.of()))).hasSize(People.ROWS);
    }

    @Test
    void joinsOfEveryKind() throws Exception {
        Map<String, String> country = new HashMap<>(Map.of("Oslo", "Norway", "Lima", "Peru", "Rome", "Italy"));
        long matched = p.rows.stream().filter(r -> country.containsKey(r.get("city"))).count();
        List<String> keys = List.of("city");
        List<Map<String, Object>> inner = p.run(new Step.Join("cities", Step.JoinKind.INNER, keys, keys));
        assertThat(inner).hasSize((int) matched);
        assertThat(inner).allMatch(r -> country.get(r.get("city")).equals(r.get("country")));
        List<Map<String, Object>> left = p.run(new Step.Join("cities", Step.JoinKind.LEFT, keys, keys));
        assertThat(left).hasSize(People.ROWS);
        assertThat(left).allMatch(r -> Objects.equals(country.get(r.get("city")), r.get("country")));
        List<Map<String, Object>> right = p.run(new Step.Join("cities", Step.JoinKind.RIGHT, keys, keys));
        assertThat(right).hasSize((int) matched + 1);
        assertThat(right).anyMatch(r -> "Rome".equals(r.get("city")) && r.get("id") == null);
        assertThat(p.run(new Step.Join("cities", Step.JoinKind.FULL, keys, keys))).hasSize(People.ROWS + 1);
        assertThat(ids(p.run(new Step.Join("cities", Step.JoinKind.SEMI, keys, keys))))
                .isEqualTo(p.rows.stream().filter(r -> country.containsKey(r.get("city"))).map(r -> r.get("id")).toList());
        assertThat(p.run(new Step.Join("cities", Step.JoinKind.ANTI, keys, keys))).hasSize(People.ROWS - (int) matched)
                .allMatch(r -> !r.containsKey("country"));

        assertThatThrownBy(() -> p.run(new Step.Join("cities", Step.JoinKind.LEFT, keys, List.of("town"))))
                .isInstanceOf(WrangleException.class)
                .hasMessageStartingWith("Step 1 (left join cities on 'city'): in dataset 'cities', there is no column 'town'");
        assertThatThrownBy(() -> p.run(new Step.Join("cities", Step.JoinKind.LEFT, List.of("town"), keys)))
                .hasMessageContaining("there is no column 'town'");
        assertThatThrownBy(() -> p.run(new Step.Join("nowhere", Step.JoinKind.LEFT, keys, keys)))
                .hasMessageContaining("there is no dataset 'nowhere'");
    }

    @Test
    void concatenateUnionsByName() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.SelectColumns(List.of("city", "id")), new Step.Concatenate("cities"));
        assertThat(out).hasSize(People.ROWS + 3);
        assertThat(out.getLast()).containsEntry("city", "Rome").containsEntry("id", null).containsKey("country");
    }

    @Test
    void groupByWithAggregates() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.GroupBy(List.of("label"), List.of(
                new Step.Aggregate(null, Step.AggFunction.COUNT, "n"),
                new Step.Aggregate("age", Step.AggFunction.MEAN, null),
                new Step.Aggregate("income", Step.AggFunction.MAX, null),
                new Step.Aggregate("city", Step.AggFunction.COUNT_DISTINCT, "cities"))));
        assertThat(out).extracting(r -> r.get("label")).containsExactly("ham", "spam");
        for (Map<String, Object> r : out) {
            List<Map<String, Object>> group = p.rows.stream().filter(x -> x.get("label").equals(r.get("label"))).toList();
            assertThat(r.get("n")).isEqualTo((long) group.size());
            assertThat((Double) r.get("mean_age")).isCloseTo(group.stream().filter(x -> x.get("age") != null)
                    .mapToLong(x -> (Long) x.get("age")).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.get("max_income")).isEqualTo(group.stream().map(x -> (Double) x.get("income")).filter(Objects::nonNull)
                    .max(Double::compare).orElseThrow());
            assertThat(r.get("cities")).isEqualTo(group.stream().map(x -> x.get("city")).filter(Objects::nonNull).distinct().count());
        }
    }

    @Test
    void samplingIsSeededAndStratified() throws Exception {
        assertThat(ids(p.run(new Step.Sample(Step.SampleMethod.FIRST_ROWS, 7, 0, null, 0))))
                .isEqualTo(p.column("id").subList(0, 7));
        List<Object> a = ids(p.run(new Step.Sample(Step.SampleMethod.RANDOM, 10, 0, null, 42)));
        assertThat(a).hasSize(10).doesNotHaveDuplicates();
        assertThat(ids(p.run(new Step.Sample(Step.SampleMethod.RANDOM, 10, 0, null, 42)))).isEqualTo(a);
        assertThat(ids(p.run(new Step.Sample(Step.SampleMethod.RANDOM, 10, 0, null, 7)))).isNotEqualTo(a);
        List<Map<String, Object>> strat = p.run(new Step.Sample(Step.SampleMethod.STRATIFIED, 0, 0.25, "label", 1));
        assertThat(strat.stream().filter(r -> r.get("label").equals("spam")).count()).isEqualTo(3); // ceil(12 * 0.25)
        assertThat(strat.stream().filter(r -> r.get("label").equals("ham")).count()).isEqualTo(12); // ceil(48 * 0.25)
    }

    @Test
    void trainTestSplitAddsASeededColumn() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.TrainTestSplit(0.3, 5, null));
        assertThat(out).hasSize(People.ROWS).allMatch(r -> Set.of("train", "test").contains(r.get("split")));
        long test = out.stream().filter(r -> r.get("split").equals("test")).count();
        assertThat(test).isBetween(8L, 30L);
        assertThat(p.run(new Step.TrainTestSplit(0.3, 5, null))).isEqualTo(out);
    }

    @Test
    void balanceByUnderAndOverSampling() throws Exception {
        Map<Object, Long> under = count(p.run(new Step.Balance("label", Step.BalanceMethod.UNDERSAMPLE, 3)));
        assertThat(under).containsEntry("spam", 12L).containsEntry("ham", 12L);
        List<Map<String, Object>> overRows = p.run(new Step.Balance("label", Step.BalanceMethod.OVERSAMPLE, 3));
        assertThat(count(overRows)).containsEntry("spam", 48L).containsEntry("ham", 48L);
        // every original row is kept; the minority rows are repeated four times each
        assertThat(new HashSet<>(ids(overRows))).hasSize(People.ROWS);
    }

    private static Map<Object, Long> count(List<Map<String, Object>> rows) {
        Map<Object, Long> m = new HashMap<>();
        rows.forEach(r -> m.merge(r.get("label"), 1L, Long::sum));
        return m;
    }
}
