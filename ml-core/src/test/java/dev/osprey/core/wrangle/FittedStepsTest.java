package dev.osprey.core.wrangle;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps that learn from the data: encodings, scaling, bins, clipping; and log/power. Expectations in plain Java. */
class FittedStepsTest {
    private static final Offset<Double> EPS = Offset.offset(1e-9);

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
    void oneHotAndOrdinal() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.OneHotEncode("city", false), new Step.OrdinalEncode("label", "label_code"));
        TreeSet<String> cities = new TreeSet<>();
        p.column("city").stream().filter(c -> c != null).forEach(c -> cities.add((String) c));
        for (int i = 0; i < People.ROWS; i++) {
            Object city = p.rows.get(i).get("city");
            for (String c : cities) {
                assertThat(out.get(i).get("city_" + c)).isEqualTo(c.equals(city) ? 1L : 0L);
            }
            assertThat(out.get(i).get("label_code")).isEqualTo(p.rows.get(i).get("label").equals("ham") ? 0L : 1L);
        }
        assertThat(p.run(new Step.OneHotEncode("city", true)).getFirst()).doesNotContainKey("city").containsKey("city_Oslo");
    }

    @Test
    void standardizeAndMinMax() throws Exception {
        List<Double> inc = p.numbers("income");
        double mean = Stats.mean(inc);
        double sd = Stats.sampleStd(inc);
        double min = inc.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = inc.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Map<String, Object>> z = p.run(new Step.Standardize("income"));
        List<Map<String, Object>> mm = p.run(new Step.MinMaxScale("income"), new Step.Standardize("age"));
        for (int i = 0; i < People.ROWS; i++) {
            Double x = (Double) p.rows.get(i).get("income");
            if (x == null) {
                assertThat(z.get(i).get("income")).isNull();
                continue;
            }
            assertThat((Double) z.get(i).get("income")).isCloseTo((x - mean) / sd, EPS);
            assertThat((Double) mm.get(i).get("income")).isCloseTo((x - min) / (max - min), EPS);
        }
    }

    @Test
    void binsByWidthAndByQuantile() throws Exception {
        List<Double> ages = p.numbers("age");
        double min = ages.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = ages.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double[] q = {Stats.quantile(ages, 0.25), Stats.quantile(ages, 0.5), Stats.quantile(ages, 0.75)};
        List<Map<String, Object>> out = p.run(new Step.Bin("age", Step.BinMethod.EQUAL_WIDTH, 5, null),
                new Step.Bin("age", Step.BinMethod.QUANTILE, 4, "age_q"));
        int[] perQuartile = new int[4];
        for (int i = 0; i < People.ROWS; i++) {
            Long age = (Long) p.rows.get(i).get("age");
            if (age == null) {
                assertThat(out.get(i).get("age_bin")).isNull();
                continue;
            }
            long width = Math.min(4, (long) Math.floor((age - min) / ((max - min) / 5)));
            assertThat(out.get(i).get("age_bin")).as("age %d", age).isEqualTo(width);
            long quart = 0;
            for (double e : q) {
                quart += age >= e ? 1 : 0;
            }
            assertThat(out.get(i).get("age_q")).isEqualTo(quart);
            perQuartile[(int) quart]++;
        }
        assertThat(java.util.Arrays.stream(perQuartile).min().orElseThrow()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void fitsInOnePassEqualFitsOneStepAtATime() throws Exception {
        List<Step> steps = List.of(new Step.FillMissing("age", Step.FillMethod.MEAN, null), new Step.Standardize("income"),
                new Step.Bin("age", Step.BinMethod.QUANTILE, 4, null), new Step.ClipOutliers("income", Step.ClipMethod.MEDIAN_MAD,
                        2, 0, 1), new Step.MinMaxScale("id"), new Step.Bin("id", Step.BinMethod.EQUAL_WIDTH, 3, null));
        FittedRecipe together = p.recipes().fit(p.people.id(), Recipe.of(steps.toArray(Step[]::new)),
                dev.osprey.core.job.JobContext.NONE);
        // a text step between each pair stops any batching
        List<Step> apart = new java.util.ArrayList<>();
        for (Step s : steps) {
            apart.add(s);
            apart.add(new Step.TrimText("name"));
        }
        FittedRecipe alone = p.recipes().fit(p.people.id(), Recipe.of(apart.toArray(Step[]::new)), dev.osprey.core.job.JobContext.NONE);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(together.fits().get(i)).as("step %d", i).isEqualTo(alone.fits().get(2 * i)).isNotNull();
        }
    }

    @Test
    void logAndPower() throws Exception {
        List<Map<String, Object>> out = p.run(new Step.LogTransform("income", 1), new Step.PowerTransform("age", 0.5));
        for (int i = 0; i < People.ROWS; i++) {
            Double x = (Double) p.rows.get(i).get("income");
            Long a = (Long) p.rows.get(i).get("age");
            assertThat((Double) out.get(i).get("income")).isEqualTo(x == null ? null : Math.log(x + 1));
            assertThat((Double) out.get(i).get("age")).isEqualTo(a == null ? null : Math.sqrt(a));
        }
    }

    @Test
    void clipOutliersThreeWays() throws Exception {
        List<Double> inc = p.numbers("income");
        double mean = Stats.mean(inc);
        double sd = Stats.sampleStd(inc);
        double med = Stats.median(inc);
        double mad = Stats.median(inc.stream().map(x -> Math.abs(x - med)).toList());
        double[][] bounds = {
                {mean - 2 * sd, mean + 2 * sd},
                {med - 3 * 1.4826 * mad, med + 3 * 1.4826 * mad},
                {Stats.quantile(inc, 0.05), Stats.quantile(inc, 0.95)}};
        Step.ClipMethod[] methods = {Step.ClipMethod.STD_DEV, Step.ClipMethod.MEDIAN_MAD, Step.ClipMethod.QUANTILE};
        double[] ks = {2, 3, 0};
        for (int m = 0; m < 3; m++) {
            List<Map<String, Object>> out = p.run(new Step.ClipOutliers("income", methods[m], ks[m], 0.05, 0.95));
            for (int i = 0; i < People.ROWS; i++) {
                Double x = (Double) p.rows.get(i).get("income");
                if (x == null) {
                    assertThat(out.get(i).get("income")).isNull();
                } else {
                    double expected = Math.max(bounds[m][0], Math.min(bounds[m][1], x));
                    assertThat((Double) out.get(i).get("income")).as(methods[m] + " row " + i).isCloseTo(expected, EPS);
                }
            }
            // the outlier of one million is clipped by every method
            assertThat((Double) out.get(29).get("income")).isLessThan(1_000_000.0);
        }
    }
}
