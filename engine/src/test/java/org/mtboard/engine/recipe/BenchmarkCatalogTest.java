package org.mtboard.engine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkCatalogTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final BenchmarkCatalog catalog = new BenchmarkCatalog(ROOT.resolve("submissions/benchmarks"));

    @Test
    void findsTheCommittedBenchmarksByName() {
        assertTrue(catalog.names().contains("mt10-rand"), catalog.names().toString());
        BenchmarkDefinition byName = catalog.load("mt10-rand");
        assertEquals("mt10-rand", byName.name());
        assertEquals(byName, catalog.load(ROOT.resolve("submissions/benchmarks/mt10-rand.yaml").toString()));
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> catalog.load("mt99"));
        assertEquals("benchmark", e.field());
        assertTrue(e.getMessage().contains("no benchmark 'mt99'") && e.getMessage().contains("allowed: mt10-rand"), e.getMessage());
        assertTrue(e.problems().get(0).allowed().startsWith("one of mt10-rand"), e.problems().toString());
        assertThrows(ConfigException.class, () -> catalog.load("/nowhere/x.yaml"));
        assertEquals(java.util.List.of(), new BenchmarkCatalog(ROOT.resolve("no-such-dir")).names());
    }
}
