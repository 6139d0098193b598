package org.mtboard.platform.serve;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL that `mtboard serve` runs for itself when no --db is given: its data under
 * ~/.mtboard/pgdata, so entries survive restarts; its binaries unpacked under ~/.mtboard/pg.
 * Listens on localhost only.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path home) throws IOException {
        Path data = home.resolve("pgdata");
        Path binaries = home.resolve("pg");
        Files.createDirectories(data.getParent());
        Files.createDirectories(binaries);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setRegisterShutdownHook(true)
                .start();
        return new EmbeddedDatabase(pg);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
