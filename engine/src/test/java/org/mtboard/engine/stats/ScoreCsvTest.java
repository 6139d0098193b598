package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCsvTest {
    private static String error(String... lines) {
        return assertThrows(ScoreCsv.FormatException.class, () -> ScoreCsv.parse("s.csv", List.of(lines))).getMessage();
    }

    @Test
    void readsHeaderAndRuns() {
        ScoreMatrix m = ScoreCsv.parse("s.csv", List.of("reach-v2, push-v2", "1.0,0.5", "", "0.25 , 0", ""));
        assertEquals(List.of("reach-v2", "push-v2"), m.tasks());
        assertEquals(2, m.runs());
        assertEquals(0.25, m.get(1, 0));
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertEquals("s.csv line 3, column 2: 'x' is not a number", error("a,b", "1,2", "3,x"));
        assertTrue(error("a,b", "1,2", "NaN,1").startsWith("s.csv line 3, column 1: 'NaN' is not allowed"));
        assertTrue(error("a,b", "1,Infinity").startsWith("s.csv line 2, column 2"));
        assertEquals("s.csv line 2: 3 values, but the header names 2 tasks", error("a,b", "1,2,3"));
        assertEquals("s.csv line 1, column 2: task 'a' appears twice in the header", error("a,a", "1,2"));
        assertEquals("s.csv line 1, column 2: empty task name in the header", error("a,", "1,2"));
        assertTrue(error("", "  ").startsWith("s.csv: empty file"));
        assertTrue(error("a,b").startsWith("s.csv: no runs"));
    }
}
