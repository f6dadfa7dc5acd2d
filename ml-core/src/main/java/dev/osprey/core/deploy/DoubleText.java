package dev.osprey.core.deploy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Writes a double as ASCII bytes, exactly the text {@link Double#toString(double)} gives (the
 * shortest decimal that reads back as the same double, the closest one when several are as short,
 * in the same plain or computerized notation), straight into a byte array: batch output writes
 * millions of predictions, and going through a String (StringBuilder, toString, getBytes) costs a
 * quarter more CPU and two copies of the output.
 *
 * <p>The digits come from the Schubfach method (R. Giulietti, "The Schubfach way to render
 * doubles", 2020), which is also what the JDK uses since 19: the value is scaled by a 126-bit
 * approximation of a power of ten and the candidates (one digit shorter, or the two neighbours
 * at full length) are tested against the rounding interval with exact integer comparisons. The
 * table of powers is computed once, exactly, with BigInteger. Tests compare the output with
 * {@code Double.toString} bit for bit on millions of values and every edge case.
 */
final class DoubleText {
    /** The most bytes one value takes ("-2.2250738585072014E-308" is 24). */
    static final int MAX_LENGTH = 24;
    /** The room {@link #write} needs after its position: it may write scratch bytes past the value's end. */
    static final int ROOM = 32;
    private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L;

    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** g(k) = floor(10^-k * 2^-r) + 1 in [2^125, 2^126), as a high 63-bit and a low 63-bit half, for k in [K_MIN, K_MAX]. */
    private static final long[] G = powers();
    private static final byte[] PAIRS = pairs();
    private static final long[] POW10 = new long[19];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DoubleText() {
    }

    /**
     * Writes {@code v} at {@code b[p]}, which must have {@link #ROOM} bytes of room (bytes past the value's
     * end may be overwritten); returns the position after it.
     */
    static int write(double v, byte[] b, int p) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> 52) & 0x7FF;
        if (bq == 0x7FF) {
            return ascii(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", b, p);
        }
        if (bits < 0) {
            b[p++] = '-';
        }
        if (bq != 0) {
            int mq = 1075 - bq; // v = c * 2^-mq
            long c = C_MIN | t;
            if (0 < mq && mq < 53) {
                long f = c >> mq;
                if (f << mq == c) {
                    return digits(f, 0, b, p); // an integer below 2^53 is its own shortest decimal
                }
            }
            return decimal(-mq, c, 0, b, p);
        }
        if (t != 0) {
            // The three smallest subnormals have a one-digit shortest decimal, but Double.toString
            // takes the closest decimal of one or two digits (4.9E-324, not 5.0E-324): work at ten times.
            return t < 3 ? decimal(Q_MIN, 10 * t, -1, b, p) : decimal(Q_MIN, t, 0, b, p);
        }
        b[p] = '0';
        b[p + 1] = '.';
        b[p + 2] = '0';
        return p + 3;
    }

    /** v = c * 2^q; writes the shortest decimal in v's rounding interval (times 10^dk). */
    private static int decimal(int q, long c, int dk, byte[] b, int p) {
        int out = (int) c & 1; // an even significand owns the interval's ends (round half to even)
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1; // a power of two: the gap below is half the gap above
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int i = 2 * (k - K_MIN);
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = s / 10 * 10;
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return digits(upin ? sp10 : tp10, k + dk, b, p);
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return digits(uin ? s : t, k + dk, b, p);
        }
        long cmp = vb - (s + t << 1);
        return digits(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk, b, p);
    }

    /** Round to odd of g * cp / 2^127, with g = g1 * 2^63 + g0. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /**
     * Writes f * 10^e (0 < f < 10^17) in Double.toString's notation: plain for 10^-3 <= v < 10^7
     * (at least one digit after the point), else d.dddE±n. The digits are always made as
     * seventeen (f padded with zeros: no loop over the length, no division to strip zeros) and
     * the trailing zeros are then found in the digit lanes; the text is placed without branching
     * on the number of digits, which varies from value to value and would be mispredicted.
     */
    private static int digits(long f, int e, byte[] b, int p) {
        int n = length(f);
        int point = e + n; // v = 0.d1..dn * 10^point
        long f17 = f * POW10[17 - n];
        int first = (int) (f17 / 10_000_000_000_000_000L);
        long rest = f17 - first * 10_000_000_000_000_000L;
        int m = (int) (rest / 100_000_000);
        long high = lanes(m);
        long low = lanes((int) (rest - m * 100_000_000L));
        int significant = 17 - trailingZeros(high, low);
        if (0 < point && point <= 7) {
            // The seventeen digits as byte lanes (a: 0-7, c: 8-15, d: 16), then the point goes in after
            // `point` digits by shifting lanes in registers (a store and reload would stall).
            long a = (first | high << 8) + ASCII_ZEROS;
            long c = (high >>> 56 | low << 8) + ASCII_ZEROS;
            long d = (low >>> 56) + '0';
            long keep = (1L << 8 * point) - 1;
            long dot = 0xFFL << 8 * point;
            LONG_LE.set(b, p, a & keep | (long) '.' << 8 * point | a << 8 & ~keep & ~dot);
            LONG_LE.set(b, p + 8, a >>> 56 | c << 8);
            LONG_LE.set(b, p + 16, c >>> 56 | d << 8);
            return p + 1 + Math.max(significant, point + 1); // zeros up to the point and one after it are digits already
        }
        return notPlain(first, high, low, significant, point, b, p);
    }

    /** The zero digits at the end of the sixteen in {@code high} and {@code low} (the last digit is the top byte). */
    private static int trailingZeros(long high, long low) {
        return low != 0 ? Long.numberOfLeadingZeros(low) >>> 3 : 8 + (high != 0 ? Long.numberOfLeadingZeros(high) >>> 3 : 8);
    }

    /** Values below 10^-3 or from 10^7 up (kept apart so the common path stays small enough to inline). */
    private static int notPlain(int first, long high, long low, int significant, int point, byte[] b, int p) {
        if (-3 < point && point <= 0) {
            b[p] = '0';
            b[p + 1] = '.';
            b[p + 2] = '0';
            b[p + 3] = '0';
            int at = p + 2 - point;
            b[at] = (byte) ('0' + first);
            LONG_LE.set(b, at + 1, high + ASCII_ZEROS);
            LONG_LE.set(b, at + 9, low + ASCII_ZEROS);
            return at + significant;
        }
        b[p] = (byte) ('0' + first);
        b[p + 1] = '.';
        LONG_LE.set(b, p + 2, high + ASCII_ZEROS);
        LONG_LE.set(b, p + 10, low + ASCII_ZEROS);
        p += significant == 1 ? 3 : significant + 1; // d.0 at least
        b[p++] = 'E';
        int x = point - 1;
        if (x < 0) {
            b[p++] = '-';
            x = -x;
        }
        if (x >= 100) {
            b[p++] = (byte) ('0' + x / 100);
            x %= 100;
            b[p++] = PAIRS[2 * x];
            b[p++] = PAIRS[2 * x + 1];
        } else if (x >= 10) {
            b[p++] = PAIRS[2 * x];
            b[p++] = PAIRS[2 * x + 1];
        } else {
            b[p++] = (byte) ('0' + x);
        }
        return p;
    }

    /** The number of decimal digits of {@code f} (0 < f < 10^18). */
    private static int length(long f) {
        int t = (64 - Long.numberOfLeadingZeros(f)) * 1233 >>> 12; // about log10(2) * bit length: the length or one less
        return f >= POW10[t] ? t + 1 : t;
    }

    /**
     * The eight decimal digits of {@code v} (0 <= v < 10^8) as byte lanes of a long, the first digit in
     * the lowest byte (so a little-endian store writes them in order): v is split into 4-digit halves,
     * each into 2-digit and then 1-digit lanes by multiplying by reciprocals (exact for these ranges).
     */
    static long lanes(int v) {
        long x = v;
        long hi4 = x * 109_951_163L >>> 40; // x / 10^4
        long lanes = hi4 | (x - hi4 * 10_000) << 32;
        long hi2 = (lanes * 10_486 >>> 20) & 0x0000_007F_0000_007FL; // each 32-bit lane / 100
        lanes = hi2 | (lanes - hi2 * 100) << 16;
        long hi1 = (lanes * 103 >>> 10) & 0x000F_000F_000F_000FL; // each 16-bit lane / 10
        return hi1 | (lanes - hi1 * 10) << 8;
    }

    private static int ascii(String s, byte[] b, int p) {
        for (int i = 0; i < s.length(); i++) {
            b[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    /** floor(q * log10(2)) for |q| <= 5456721. */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)) for |q| <= 5456721. */
    static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e * log2(10)) for |e| <= 1838394. */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static long[] powers() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            int r = flog2pow10(e) - 125; // 10^e * 2^-r lies in [2^125, 2^126)
            BigInteger floor;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                floor = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
            } else {
                floor = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(-e));
            }
            BigInteger v = floor.add(BigInteger.ONE);
            int i = 2 * (k - K_MIN);
            g[i] = v.shiftRight(63).longValueExact();
            g[i + 1] = v.and(low63).longValueExact();
        }
        return g;
    }

    private static byte[] pairs() {
        byte[] p = new byte[200];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = (byte) ('0' + i / 10);
            p[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return p;
    }
}
