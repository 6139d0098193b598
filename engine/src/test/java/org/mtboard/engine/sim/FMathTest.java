package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FMathTest {
    @Test
    void sinAndCosAgreeWithTheLibraryOverSeveralTurns() {
        for (int k = -20_000; k <= 20_000; k++) {
            float x = k * 0.0007f;
            assertEquals(Math.sin(x), FMath.sin(x), 3e-7, "sin " + x);
            assertEquals(Math.cos(x), FMath.cos(x), 3e-7, "cos " + x);
        }
    }

    @Test
    void atan2CoversAllQuadrants() {
        for (int i = -50; i <= 50; i++) {
            for (int j = -50; j <= 50; j++) {
                float y = i * 0.037f;
                float x = j * 0.041f;
                assertEquals(Math.atan2(y, x), FMath.atan2(y, x), 5e-7, "atan2(" + y + ", " + x + ")");
            }
        }
    }

    @Test
    void expAndLogAreAccurateRelatively() {
        for (int k = -8000; k <= 8000; k++) {
            float x = k * 0.01f;
            double expected = Math.exp(x);
            assertEquals(expected, FMath.exp(x), 4e-7 * expected, "exp " + x);
        }
        for (int k = 1; k <= 20_000; k++) {
            float x = k * 0.0013f;
            assertEquals(Math.log(x), FMath.log(x), 3e-7 * Math.max(1.0, Math.abs(Math.log(x))), "log " + x);
        }
        assertTrue(Float.isNaN(FMath.log(0.0f)));
        assertEquals(0.0f, FMath.exp(-100.0f));
    }
}
