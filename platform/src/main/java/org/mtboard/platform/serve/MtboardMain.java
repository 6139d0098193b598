package org.mtboard.platform.serve;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * `mtboard serve` and `mtboard worker`: decides the database (a real server from --db, or an
 * embedded one) and the port, then starts Quarkus with them.
 */
@QuarkusMain
public class MtboardMain implements QuarkusApplication {
    /** initdb and postmaster chatter stays out of the console (kept here so the level is not collected). */
    private static final java.util.logging.Logger QUIET_EMBEDDED_LOG = java.util.logging.Logger.getLogger("io.zonky");

    @Inject
    ServeBanner banner;

    public static void main(String... args) {
        Path home = Path.of(System.getProperty("mtboard.home", System.getProperty("user.home") + "/.mtboard"));
        Launch launch;
        try {
            launch = Launch.parse(args, home);
        } catch (Launch.UsageError e) {
            System.err.println("mtboard: " + e.getMessage());
            System.err.println(Launch.USAGE);
            System.exit(2);
            return;
        }
        QUIET_EMBEDDED_LOG.setLevel(java.util.logging.Level.WARNING);
        EmbeddedDatabase embedded = null;
        String url = launch.dbUrl();
        if (url == null) {
            try {
                System.err.println("mtboard: starting the embedded PostgreSQL (data in " + home.resolve("pgdata") + ")...");
                embedded = EmbeddedDatabase.start(home);
                url = embedded.jdbcUrl();
                // Workers on this machine join with: ./mtboard worker --db "$(cat ~/.mtboard/db-url)"
                writePrivate(home.resolve("db-url"), url);
            } catch (Exception e) {
                System.err.println("mtboard: the embedded PostgreSQL did not start: " + e.getMessage()
                        + "\n  (use --db jdbc:postgresql://... to use a running server instead)");
                System.exit(1);
                return;
            }
        }
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("mtboard.home", home.toString());
        System.setProperty("mtboard.mode", launch.mode());
        System.setProperty("mtboard.worker.count", Integer.toString(launch.mode().equals("worker") ? 1 : launch.workers()));
        if (launch.threads() > 0) {
            System.setProperty("mtboard.worker.threads", Integer.toString(launch.threads()));
        }
        if (launch.mode().equals("worker")) {
            // A worker serves no pages: health and metrics only, on a port of its own choosing, loopback only.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
        } else {
            System.setProperty("quarkus.http.port", Integer.toString(launch.port()));
        }
        try {
            Quarkus.run(MtboardMain.class, (code, failure) -> {
                if (failure != null) {
                    System.err.println("mtboard: could not start: " + rootMessage(failure));
                }
                System.exit(code);
            }, args);
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (Exception e) {
                    System.err.println("mtboard: stopping the embedded PostgreSQL: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public int run(String... args) {
        banner.print();
        Quarkus.waitForExit();
        return 0;
    }

    private static void writePrivate(Path file, String text) throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(file);
        java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        java.nio.file.Files.writeString(file, text + "\n");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
