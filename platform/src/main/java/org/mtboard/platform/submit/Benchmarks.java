package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.engine.recipe.BenchmarkCatalog;
import org.mtboard.engine.recipe.BenchmarkDefinition;

/** The benchmark definitions this server runs (the engine's catalog of submissions/benchmarks), read once. */
@ApplicationScoped
public class Benchmarks {
    private final BenchmarkCatalog catalog;
    private final Map<String, BenchmarkDefinition> loaded = new ConcurrentHashMap<>();

    public Benchmarks(@ConfigProperty(name = "mtboard.benchmarks-dir") String dir) {
        this.catalog = new BenchmarkCatalog(Path.of(dir));
    }

    public List<String> names() {
        return catalog.names();
    }

    /** The benchmark of that name, or null. */
    public BenchmarkDefinition find(String name) {
        if (name == null || !names().contains(name)) {
            return null;
        }
        return loaded.computeIfAbsent(name, catalog::load);
    }
}
