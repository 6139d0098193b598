package org.mtboard.engine.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhiloxTest {
    private static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4];
        Philox.block(c0, c1, c2, c3, k0, k1, out, 0);
        return out;
    }

    /** Known-answer vectors of Random123's kat_vectors for philox4x32 with 10 rounds. */
    @Test
    void matchesRandom123KnownAnswers() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                block(0, 0, 0, 0, 0, 0));
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                block(-1, -1, -1, -1, -1, -1));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    @Test
    void cursorDrawsTheBlocksInOrderAndCanBeRepositioned() {
        CounterRandom random = new CounterRandom().position(7, 0, 3, 11, 2, 0);
        int[] first = new int[8];
        for (int k = 0; k < 8; k++) {
            first[k] = random.nextInt();
        }
        assertArrayEquals(block(0, 2, 11, 3, 7, 0), new int[] {first[0], first[1], first[2], first[3]});
        assertArrayEquals(block(1, 2, 11, 3, 7, 0), new int[] {first[4], first[5], first[6], first[7]});
        random.position(7, 0, 3, 11, 2, 5);
        assertEquals(first[5], random.nextInt());
        assertEquals(8, new CounterRandom().position(7, 0, 3, 11, 2, 8).drawsUsed());
    }

    @Test
    void everyCoordinateChangesTheDraw() {
        int base = new CounterRandom().position(1, 0, 2, 3, 4, 0).nextInt();
        assertNotEquals(base, new CounterRandom().position(2, 0, 2, 3, 4, 0).nextInt());
        assertNotEquals(base, new CounterRandom().position(1, 1, 2, 3, 4, 0).nextInt());
        assertNotEquals(base, new CounterRandom().position(1, 0, 5, 3, 4, 0).nextInt());
        assertNotEquals(base, new CounterRandom().position(1, 0, 2, 6, 4, 0).nextInt());
        assertNotEquals(base, new CounterRandom().position(1, 0, 2, 3, 7, 0).nextInt());
    }

    @Test
    void unitFloatsStayInRange() {
        assertEquals(0.0f, Philox.toUnitFloat(0));
        assertTrue(Philox.toUnitFloat(-1) < 1.0f);
        CounterRandom random = new CounterRandom().position(3, 0, 0, 0, 0, 0);
        for (int k = 0; k < 10_000; k++) {
            float u = random.uniform(-0.1f, 0.1f);
            assertTrue(u >= -0.1f && u < 0.1f, "draw " + k + " = " + u);
        }
    }
}
