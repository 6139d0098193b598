package org.mtboard.platform.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the platform jar: `serve [--port N] [--db URL] [--workers N] [--threads N]`
 * or `worker --db URL [--threads N]`. Parsed before Quarkus starts because it decides the
 * database and the port Quarkus starts with.
 */
record Launch(String mode, int port, String dbUrl, int workers, int threads, Path home) {
    static final String USAGE = """
            usage: mtboard serve [--port N] [--db jdbc:postgresql://HOST:PORT/DB?user=U&password=P] [--workers N] [--threads N]
                   mtboard worker --db jdbc:postgresql://... [--threads N]
              serve   the platform on :8080 (or N) with one local worker; without --db it runs its own PostgreSQL
                      (data in ~/.mtboard/pgdata) and prints an admin token (also in ~/.mtboard/admin-token)
              worker  a worker process: takes runs from the database's queue, one at a time, until stopped""";

    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static Launch parse(String[] args, Path home) throws UsageError {
        if (args.length == 0 || !List.of("serve", "worker").contains(args[0])) {
            throw new UsageError(args.length == 0 ? "a command is needed: serve or worker" : "unknown command '" + args[0] + "'; allowed: serve, worker");
        }
        String mode = args[0];
        int port = 8080;
        String db = null;
        int workers = 1;
        int threads = 0;
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < rest.size() ? rest.get(++i) : null);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (value == null) {
                throw new UsageError(name + " needs a value");
            }
            switch (name) {
                case "--port" -> port = number(name, value, 1, 65535);
                case "--db" -> {
                    if (!value.startsWith("jdbc:postgresql://")) {
                        throw new UsageError("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB); got '" + value + "'");
                    }
                    db = value;
                }
                case "--workers" -> workers = number(name, value, 0, 64);
                case "--threads" -> threads = number(name, value, 1, 1024);
                default -> throw new UsageError("unknown option '" + name + "' for " + mode + "; allowed: "
                        + (mode.equals("serve") ? "--port, --db, --workers, --threads" : "--db, --threads"));
            }
            if (mode.equals("worker") && (name.equals("--port") || name.equals("--workers"))) {
                throw new UsageError(name + " is for serve; a worker runs one run at a time and serves no pages");
            }
        }
        if (mode.equals("worker") && db == null) {
            throw new UsageError("worker needs --db: the database of the server it works for");
        }
        return new Launch(mode, port, db, workers, threads, home);
    }

    private static int number(String name, String value, int min, int max) throws UsageError {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(name + " must be a whole number in [" + min + ", " + max + "]; got '" + value + "'");
    }
}
