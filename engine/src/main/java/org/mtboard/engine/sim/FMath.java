package org.mtboard.engine.sim;

/**
 * float32 sin, cos, atan2, exp and log written with +, -, *, / and sqrt only, in a fixed
 * operation order. java.lang.Math and CUDA's libdevice differ in the last bit; these helpers are
 * written once per backend (the CUDA copy uses the same constants and order) so both backends
 * produce bit-identical trajectories. Accuracy is about 1e-7 relative, ample for a simulator.
 */
public final class FMath {
    public static final float PI = 3.14159265358979f;
    public static final float HALF_PI = 1.57079632679490f;
    private static final float TWO_OVER_PI = 0.636619772367581f;
    // pi/2 split in three floats with short mantissas, so j * PIO2_A and j * PIO2_B are exact and
    // x - j*pi/2 keeps its low bits (Cody-Waite reduction).
    private static final float PIO2_A = 1.5703125f;
    private static final float PIO2_B = 4.837512969970703e-4f;
    private static final float PIO2_C = 7.549790126404332e-8f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.428606765330187e-6f;
    private static final float LN2 = 0.693147180559945f;
    private static final float INV_LN2 = 1.44269504088896f;
    private static final float QUARTER_PI = 0.785398163397448f;
    private static final float TAN_PI_8 = 0.414213562373095f;

    private FMath() {
    }

    public static float sin(float x) {
        int j = roundToInt(x * TWO_OVER_PI);
        float r = reduce(x, j);
        switch (j & 3) {
            case 0: return sinPoly(r);
            case 1: return cosPoly(r);
            case 2: return -sinPoly(r);
            default: return -cosPoly(r);
        }
    }

    public static float cos(float x) {
        int j = roundToInt(x * TWO_OVER_PI);
        float r = reduce(x, j);
        switch (j & 3) {
            case 0: return cosPoly(r);
            case 1: return -sinPoly(r);
            case 2: return -cosPoly(r);
            default: return sinPoly(r);
        }
    }

    private static float reduce(float x, int j) {
        return ((x - j * PIO2_A) - j * PIO2_B) - j * PIO2_C;
    }

    /** sin on [-pi/4, pi/4], Taylor to r^11. */
    private static float sinPoly(float r) {
        float s = r * r;
        float p = -2.5052108e-8f;
        p = p * s + 2.7557319e-6f;
        p = p * s - 1.9841270e-4f;
        p = p * s + 8.3333333e-3f;
        p = p * s - 1.6666667e-1f;
        return r + r * s * p;
    }

    /** cos on [-pi/4, pi/4], Taylor to r^12. */
    private static float cosPoly(float r) {
        float s = r * r;
        float p = 2.0876757e-9f;
        p = p * s - 2.7557319e-7f;
        p = p * s + 2.4801587e-5f;
        p = p * s - 1.3888889e-3f;
        p = p * s + 4.1666667e-2f;
        p = p * s - 0.5f;
        return 1.0f + s * p;
    }

    public static float atan2(float y, float x) {
        float ax = Math.abs(x);
        float ay = Math.abs(y);
        if (ax == 0.0f && ay == 0.0f) {
            return 0.0f;
        }
        boolean swap = ay > ax;
        float a = swap ? ax / ay : ay / ax;
        float angle = atanUnit(a);
        if (swap) {
            angle = HALF_PI - angle;
        }
        if (x < 0.0f) {
            angle = PI - angle;
        }
        return y < 0.0f ? -angle : angle;
    }

    /** atan on [0, 1]: reduced to |t| <= tan(pi/8) around pi/4, then the odd series to t^15. */
    private static float atanUnit(float a) {
        float base = 0.0f;
        float t = a;
        if (a > TAN_PI_8) {
            t = (a - 1.0f) / (a + 1.0f);
            base = QUARTER_PI;
        }
        float s = t * t;
        float p = -1.0f / 15.0f;
        p = p * s + 1.0f / 13.0f;
        p = p * s - 1.0f / 11.0f;
        p = p * s + 1.0f / 9.0f;
        p = p * s - 1.0f / 7.0f;
        p = p * s + 1.0f / 5.0f;
        p = p * s - 1.0f / 3.0f;
        return base + (t + t * s * p);
    }

    public static float exp(float x) {
        if (x < -87.0f) {
            return 0.0f;
        }
        if (x > 88.0f) {
            x = 88.0f;
        }
        int k = roundToInt(x * INV_LN2);
        float r = (x - k * LN2_HI) - k * LN2_LO;
        float p = 1.0f / 5040.0f;
        p = p * r + 1.0f / 720.0f;
        p = p * r + 1.0f / 120.0f;
        p = p * r + 1.0f / 24.0f;
        p = p * r + 1.0f / 6.0f;
        p = p * r + 0.5f;
        p = p * r + 1.0f;
        p = p * r + 1.0f;
        return p * Float.intBitsToFloat((k + 127) << 23);
    }

    /** Natural log for normal positive x; NaN for x <= 0. */
    public static float log(float x) {
        if (!(x > 0.0f)) {
            return Float.NaN;
        }
        int bits = Float.floatToRawIntBits(x);
        int e = ((bits >>> 23) & 0xFF) - 127;
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000);
        if (m > 1.41421356f) {
            m = m * 0.5f;
            e = e + 1;
        }
        float f = (m - 1.0f) / (m + 1.0f);
        float s = f * f;
        float p = 1.0f / 11.0f;
        p = p * s + 1.0f / 9.0f;
        p = p * s + 1.0f / 7.0f;
        p = p * s + 1.0f / 5.0f;
        p = p * s + 1.0f / 3.0f;
        p = p * s + 1.0f;
        return e * LN2 + 2.0f * f * p;
    }

    /** Round half up to int via floor, which is exact on both backends. */
    private static int roundToInt(float v) {
        return (int) Math.floor(v + 0.5f);
    }

    public static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    public static float norm3(float x, float y, float z) {
        return (float) Math.sqrt(x * x + y * y + z * z);
    }

    public static float norm2(float x, float y) {
        return (float) Math.sqrt(x * x + y * y);
    }

    /** Correctly rounded float square root (as CUDA's sqrtf with -prec-sqrt=true). */
    public static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }
}
