package org.mtboard.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU's model name as `lscpu` reports it, for the run manifest (machines differ in speed and rounding). */
public final class CpuModel {
    private CpuModel() {
    }

    public static String name() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: fall back to what the JVM knows.
        }
        return System.getProperty("os.arch");
    }
}
