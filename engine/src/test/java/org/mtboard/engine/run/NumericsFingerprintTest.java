package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every training operation gives the committed bits on this machine (numerics-fingerprint.txt,
 * NumericsFingerprint): a CPU kind whose rounding differs fails here, naming each operation and the
 * CPU, in seconds and before the minute-long baseline replay.
 */
class NumericsFingerprintTest {
    @Test
    void everyTrainingOperationGivesTheCommittedBitsOnThisCpu() throws Exception {
        List<String> differences = NumericsFingerprint.differences(NumericsFingerprint.compute(), NumericsFingerprint.expected());
        assertEquals(List.of(), differences, () -> differences.size() + " training operations round differently on "
                + NumericsFingerprint.machine() + " than in the committed fingerprint:\n  " + String.join("\n  ", differences));
    }

    @Test
    void aDifferenceNamesItsOperationAndAMissingOneIsReported() throws Exception {
        List<NumericsFingerprint.Line> expected = NumericsFingerprint.expected();
        assertTrue(expected.size() > 50, "the committed fingerprint has " + expected.size() + " lines");
        List<NumericsFingerprint.Line> changed = new ArrayList<>(expected);
        NumericsFingerprint.Line sqrt = changed.stream().filter(l -> l.name().equals("sqrt.2048x256")).findFirst().orElseThrow();
        changed.set(changed.indexOf(sqrt), new NumericsFingerprint.Line(sqrt.name(), "0000000000000000"));
        changed.remove(changed.size() - 1);
        List<String> d = NumericsFingerprint.differences(changed, expected);
        assertEquals(2, d.size(), d.toString());
        assertEquals("sqrt.2048x256: 0000000000000000 here, " + sqrt.digest() + " committed", d.get(0));
        assertTrue(d.get(1).endsWith("committed, not computed here"), d.get(1));
    }
}
