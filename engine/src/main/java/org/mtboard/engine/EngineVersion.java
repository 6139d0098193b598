package org.mtboard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version (the Maven project version, filled in at build time), recorded in every run manifest. */
public final class EngineVersion {
    public static final String VERSION = load();

    private EngineVersion() {
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine.properties missing from the engine jar: build it with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read engine.properties", e);
        }
    }
}
