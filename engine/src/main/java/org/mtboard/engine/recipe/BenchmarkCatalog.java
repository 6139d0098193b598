package org.mtboard.engine.recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frozen benchmarks: NAME.yaml files in one directory (submissions/benchmarks in this
 * repository). The CLI looks a benchmark up by name or takes a YAML path; the service lists them.
 */
public final class BenchmarkCatalog {
    private final Path dir;

    public BenchmarkCatalog(Path dir) {
        this.dir = dir;
    }

    /** The names of the benchmarks the directory holds, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("benchmark", dir + ": cannot be listed (" + e.getMessage() + ")");
        }
    }

    /**
     * A benchmark by name (DIR/NAME.yaml) or, for a value ending in .yaml or .yml, by path. An
     * unknown name is refused naming the field and the names there are.
     */
    public BenchmarkDefinition load(String nameOrFile) {
        return RecipeFiles.readBenchmark(locate(nameOrFile));
    }

    public Path locate(String nameOrFile) {
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
            Path file = Path.of(nameOrFile);
            if (!Files.exists(file)) {
                throw new ConfigException("benchmark", "no benchmark file " + file);
            }
            return file;
        }
        Path file = dir.resolve(nameOrFile + ".yaml");
        if (!Files.exists(file)) {
            String allowed = String.join(", ", names());
            throw new ConfigException(List.of(new ConfigException.Problem("benchmark",
                    "no benchmark '" + nameOrFile + "' (" + file + " not found); allowed: " + allowed, "one of " + allowed)));
        }
        return file;
    }
}
