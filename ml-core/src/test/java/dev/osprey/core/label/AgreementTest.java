package dev.osprey.core.label;

import org.junit.jupiter.api.Test;

import static dev.osprey.core.label.Agreement.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {
    @Test
    void cohensKappaMatchesTheHandComputedTwoByTwoTable() {
        // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4
        int[] a = new int[50];
        int[] b = new int[50];
        int i = 0;
        for (int k = 0; k < 20; k++, i++) {
            a[i] = 1;
            b[i] = 1;
        }
        for (int k = 0; k < 5; k++, i++) {
            a[i] = 1;
            b[i] = 0;
        }
        for (int k = 0; k < 10; k++, i++) {
            a[i] = 0;
            b[i] = 1;
        }
        assertThat(Agreement.cohensKappa(a, b, 2)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void cohensKappaSkipsItemsOnlyOneAnnotatorLabelled() {
        int[] a = {0, 1, 1, MISSING, 0};
        int[] b = {0, 1, 1, 0, MISSING};
        assertThat(Agreement.cohensKappa(a, b, 2)).isEqualTo(1.0);
    }

    @Test
    void fleissKappaMatchesThePublishedWorkedExample() {
        // Fleiss (1971) style worked example: 10 items, 14 raters, 5 classes; kappa = 0.210
        int[][] counts = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertThat(Agreement.fleissKappa(counts)).isCloseTo(0.210, within(0.001));
    }

    @Test
    void fleissKappaRefusesItemsWithDifferentNumbersOfAnnotations() {
        assertThatThrownBy(() -> Agreement.fleissKappa(new int[][]{{1, 1}, {3, 0}}))
                .hasMessageContaining("item 1 has 3 annotations");
    }

    @Test
    void krippendorffAlphaMatchesKrippendorffsNominalExampleWithMissingValues() {
        // Krippendorff, "Computing Krippendorff's alpha-reliability": 4 coders, 12 units, values 1..5,
        // nominal alpha = 0.743. Values shifted to 0-based classes.
        int m = MISSING;
        int[][] byCoder = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
                {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m}};
        int[][] units = new int[12][4];
        for (int u = 0; u < 12; u++) {
            for (int c = 0; c < 4; c++) {
                units[u][c] = byCoder[c][u] == m ? m : byCoder[c][u] - 1;
            }
        }
        assertThat(Agreement.krippendorffAlpha(units, 5)).isCloseTo(0.743, within(0.001));
    }

    @Test
    void perfectAgreementIsOneForEveryMeasure() {
        int[] a = {0, 1, 2, 1};
        assertThat(Agreement.cohensKappa(a, a, 3)).isEqualTo(1.0);
        assertThat(Agreement.fleissKappa(new int[][]{{2, 0}, {0, 2}})).isEqualTo(1.0);
        assertThat(Agreement.krippendorffAlpha(new int[][]{{0, 0}, {1, 1}}, 2)).isEqualTo(1.0);
    }
}
