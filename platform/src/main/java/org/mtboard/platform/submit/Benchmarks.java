package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.engine.recipe.BenchmarkCatalog;
import org.mtboard.engine.recipe.BenchmarkDefinition;

/**
 * The benchmark definitions this server runs (the engine's catalog of submissions/benchmarks): the
 * names are listed once at start, each definition read on first use; a new benchmark file needs a
 * restart. Every board and submission request asks, so it must not touch the disk.
 */
@ApplicationScoped
public class Benchmarks {
    private final BenchmarkCatalog catalog;
    private final List<String> names;
    private final Map<String, BenchmarkDefinition> loaded = new ConcurrentHashMap<>();

    public Benchmarks(@ConfigProperty(name = "mtboard.benchmarks-dir") String dir) {
        this.catalog = new BenchmarkCatalog(Path.of(dir));
        this.names = catalog.names();
    }

    public List<String> names() {
        return names;
    }

    /** The benchmark of that name, or null. */
    public BenchmarkDefinition find(String name) {
        if (name == null || !names().contains(name)) {
            return null;
        }
        return loaded.computeIfAbsent(name, catalog::load);
    }
}
