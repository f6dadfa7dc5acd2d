package dev.osprey.core.label;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsolidationTest {
    /** Five annotators: two careful (95%), three careless (55%) on 3 classes; careless errors are uniform. */
    @Test
    void dawidSkeneRecoversTheTruthBetterThanMajorityVote() {
        Random rnd = new Random(7);
        int items = 600;
        int classes = 3;
        double[] reliability = {0.95, 0.95, 0.55, 0.55, 0.55};
        int[] truth = new int[items];
        List<ClassVote> votes = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            truth[i] = rnd.nextInt(classes);
            for (int a = 0; a < reliability.length; a++) {
                int label = truth[i];
                if (rnd.nextDouble() >= reliability[a]) {
                    label = (truth[i] + 1 + rnd.nextInt(classes - 1)) % classes;
                }
                votes.add(new ClassVote(i, a, label));
            }
        }
        DawidSkene.Result result = new DawidSkene().fit(items, reliability.length, classes, votes);

        int dsRight = 0;
        for (DawidSkene.ConsolidatedClass c : result.labels()) {
            dsRight += c.label() == truth[c.item()] ? 1 : 0;
        }
        int majorityRight = 0;
        for (int i = 0; i < items; i++) {
            int[] count = new int[classes];
            for (ClassVote v : votes) {
                if (v.item() == i) {
                    count[v.label()]++;
                }
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = count[c] > count[best] ? c : best;
            }
            majorityRight += best == truth[i] ? 1 : 0;
        }
        assertThat(dsRight).isGreaterThan(majorityRight);
        assertThat(dsRight / (double) items).isGreaterThan(0.94);
        assertThat(result.annotatorAccuracy()[0]).isCloseTo(0.95, within(0.04));
        assertThat(result.annotatorAccuracy()[3]).isCloseTo(0.55, within(0.06));
        assertThat(result.labels()).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void boxesAreClusteredByIouAndAveraged() {
        RegionConsolidation rc = new RegionConsolidation(0.5, 2);
        List<RegionConsolidation.Drawn<Box>> drawn = List.of(
                new RegionConsolidation.Drawn<>(0, new Box(10, 10, 100, 50, 0)),
                new RegionConsolidation.Drawn<>(1, new Box(14, 12, 96, 50, 0)),
                new RegionConsolidation.Drawn<>(2, new Box(12, 8, 100, 54, 0)),
                // a second object found by two annotators
                new RegionConsolidation.Drawn<>(0, new Box(300, 300, 40, 40, 1)),
                new RegionConsolidation.Drawn<>(2, new Box(302, 298, 40, 40, 1)),
                // a stray box only one annotator drew
                new RegionConsolidation.Drawn<>(1, new Box(600, 10, 20, 20, 0)));
        List<Consolidated<Box>> out = rc.boxes(drawn, 3);

        assertThat(out).hasSize(2);
        Box first = out.getFirst().value();
        assertThat(first.left()).isCloseTo(12, within(1e-9));
        assertThat(first.top()).isCloseTo(10, within(1e-9));
        assertThat(first.right()).isCloseTo((110 + 110 + 112) / 3.0, within(1e-9));
        assertThat(out.getFirst().support()).isEqualTo(3);
        assertThat(out.get(1).support()).isEqualTo(2);
        assertThat(out.get(1).value().label()).isEqualTo(1);
        assertThat(out.getFirst().confidence()).isGreaterThan(out.get(1).confidence());
    }

    @Test
    void oneAnnotatorNeverContributesTwoBoxesToOneObject() {
        RegionConsolidation rc = new RegionConsolidation(0.3, 1);
        List<Consolidated<Box>> out = rc.boxes(List.of(
                new RegionConsolidation.Drawn<>(0, new Box(0, 0, 10, 10, 0)),
                new RegionConsolidation.Drawn<>(0, new Box(1, 1, 10, 10, 0))), 1);
        assertThat(out).hasSize(2);
    }

    @Test
    void spansTakeTheCommonestBoundaries() {
        RegionConsolidation rc = new RegionConsolidation(0.5, 2);
        List<Consolidated<Span>> out = rc.spans(List.of(
                new RegionConsolidation.Drawn<>(0, new Span(5, 12, 0)),
                new RegionConsolidation.Drawn<>(1, new Span(5, 12, 0)),
                new RegionConsolidation.Drawn<>(2, new Span(4, 12, 0)),
                new RegionConsolidation.Drawn<>(1, new Span(20, 25, 1))), 3);
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().value()).isEqualTo(new Span(5, 12, 0));
        assertThat(out.getFirst().support()).isEqualTo(3);
    }
}
