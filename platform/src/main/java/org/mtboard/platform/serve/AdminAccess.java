package org.mtboard.platform.serve;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.auth.Tokens;
import org.mtboard.platform.store.TeamRecord;

/**
 * The tokens a local server starts with: the admin's (~/.mtboard/admin-token) and the team
 * 'local' one the CLI uses by default (~/.mtboard/token). A file whose token is still valid is
 * kept; otherwise a new token is issued and written, readable by the user only.
 */
@ApplicationScoped
public class AdminAccess {
    record Issued(String adminToken, Path adminFile, Path localFile) {
    }

    private final Teams teams;
    private final Tokens tokens;
    private final Path home;

    public AdminAccess(Teams teams, Tokens tokens, @ConfigProperty(name = "mtboard.home") String home) {
        this.teams = teams;
        this.tokens = tokens;
        this.home = Path.of(home);
    }

    Issued ensure() throws IOException {
        Files.createDirectories(home);
        Path adminFile = home.resolve("admin-token");
        Path localFile = home.resolve("token");
        String admin = ensure(adminFile, teams.ensure("admin", true), "admin token written by mtboard serve");
        ensure(localFile, teams.ensure("local", false), "local token written by mtboard serve");
        return new Issued(admin, adminFile, localFile);
    }

    private String ensure(Path file, TeamRecord team, String label) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file).trim();
            var record = tokens.find(existing);
            if (record != null) {
                return existing;
            }
        }
        String token = tokens.issue(team, label);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, token + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return token;
    }
}
