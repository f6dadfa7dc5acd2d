package dev.osprey.core.deploy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** DoubleText must write exactly what Double.toString gives, for every double. */
class DoubleTextTest {
    private final byte[] buf = new byte[64];

    private void check(double v) {
        java.util.Arrays.fill(buf, (byte) '#');
        int end = DoubleText.write(v, buf, 3);
        String ours = new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
        String expected = Double.toString(v);
        if (!ours.equals(expected)) {
            throw new AssertionError("bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ": ours " + ours
                    + ", Double.toString " + expected);
        }
        assertThat(end - 3).isLessThanOrEqualTo(DoubleText.MAX_LENGTH);
    }

    private void checkAround(double v) {
        check(v);
        check(-v);
        check(Math.nextUp(v));
        check(Math.nextDown(v));
        check(-Math.nextUp(v));
    }

    @Test
    void specialValuesAndZeros() {
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL), 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3,
            2.0 / 3, 1e23, 9.999999999999999E22, 8.41E21, 5e-324, 4.9e-324, 2.2250738585072014E-308,
            Double.longBitsToDouble(0x7FF8000000000001L), Double.longBitsToDouble(0xFFF0000000000001L)}) {
            check(v);
        }
        assertThat(new String(buf, 0, DoubleText.write(-0.0, buf, 0), StandardCharsets.US_ASCII)).isEqualTo("-0.0");
        assertThat(new String(buf, 0, DoubleText.write(Double.MIN_VALUE, buf, 0), StandardCharsets.US_ASCII)).isEqualTo("4.9E-324");
    }

    @Test
    void everySmallSubnormalAndEveryPowerOfTwoAndTen() {
        for (long t = 1; t <= 20_000; t++) {
            check(Double.longBitsToDouble(t));
            check(Double.longBitsToDouble(0x000FFFFFFFFFFFFFL - t));
        }
        for (int e = -1074; e <= 1023; e++) {
            checkAround(Math.scalb(1.0, e));
            checkAround(Math.scalb(1.5, e));
        }
        for (int e = -325; e <= 309; e++) {
            checkAround(Double.parseDouble("1e" + e));
            checkAround(Double.parseDouble("9.999999999999999e" + e));
            checkAround(Double.parseDouble("5e" + e));
        }
    }

    @Test
    void notationBoundariesAndIntegers() {
        for (double v : new double[] {1e7, 9999999.0, 9999999.999999998, 1e-3, 0.0009999999999999998, 0.00099, 1e-4,
            123456.7, 1234567.0, 12345678.0, 0.00123, 100.0, 1e16, 1e17, 9007199254740992.0, 9007199254740991.0,
            9007199254740993.0, 4503599627370496.5, 123456789012345678.0}) {
            checkAround(v);
        }
        for (int i = 0; i <= 200_000; i++) {
            check(i);
            check(i / 8.0);
            check(i / 100.0);
            check(i * 1000.0);
        }
    }

    @Test
    void millionsOfRandomDoublesMatchDoubleToString() {
        SplittableRandom r = new SplittableRandom(20261124);
        for (int i = 0; i < 3_000_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(v)) {
                check(v);
            }
        }
        for (int i = 0; i < 1_000_000; i++) {
            check(r.nextDouble() * 2000 - 500); // predictions as a regression writes them
            check(r.nextDouble()); // probabilities
            check(Math.round(r.nextDouble() * 1e6) / 1e3); // short decimals
            check(r.nextLong(1L << 53) * Math.scalb(1.0, r.nextInt(-80, 80)));
        }
    }

    @Test
    void eightDigitLanesAreExactForEveryValue() {
        for (int v = 0; v < 100_000_000; v++) {
            long lanes = DoubleText.lanes(v);
            int x = v;
            for (int i = 7; i >= 0; i--) {
                if ((lanes >>> 8 * i & 0xFF) != x % 10) {
                    throw new AssertionError(v + ": " + Long.toHexString(lanes));
                }
                x /= 10;
            }
        }
    }

    @Test
    void theLogApproximationsAreExactOverTheRangesUsed() {
        for (int q = -1100; q <= 1000; q++) {
            assertThat(DoubleText.flog10pow2(q)).as("q %d", q).isEqualTo(floorLog10(pow2(q)));
            assertThat(DoubleText.flog10threeQuartersPow2(q)).as("q %d", q)
                    .isEqualTo(floorLog10(pow2(q).multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(4))));
        }
        for (int e = -400; e <= 400; e++) {
            // floor(e * log2(10)) = the largest n with 2^n <= 10^e
            BigDecimal ten = e >= 0 ? new BigDecimal(BigInteger.TEN.pow(e)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TEN.pow(-e)));
            int n = DoubleText.flog2pow10(e);
            assertThat(pow2(n).compareTo(ten)).as("e %d", e).isLessThanOrEqualTo(0);
            assertThat(pow2(n + 1).compareTo(ten)).as("e %d", e).isGreaterThan(0);
        }
    }

    private static BigDecimal pow2(int q) {
        return q >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(q)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-q)));
    }

    private static int floorLog10(BigDecimal v) {
        // v = unscaled * 10^-scale; floor(log10 v) = digits(unscaled) - 1 - scale
        BigDecimal s = v.stripTrailingZeros();
        return s.precision() - 1 - s.scale();
    }
}
