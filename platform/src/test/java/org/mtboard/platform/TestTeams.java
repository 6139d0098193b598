package org.mtboard.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.auth.Tokens;
import org.mtboard.platform.store.TeamRecord;

/** Teams and tokens for tests, made through the platform's own services; names are unique per test run. */
@ApplicationScoped
public class TestTeams {
    private static final AtomicInteger NEXT = new AtomicInteger();
    @Inject
    Teams teams;
    @Inject
    Tokens tokens;

    /** A new team with these quotas; returns its token. */
    public String token(String prefix, int perDay, int activeRuns) {
        TeamRecord t = teams.create(prefix + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet(), false, perDay, activeRuns);
        return tokens.issue(t, "test");
    }

    public String admin() {
        TeamRecord t = teams.create("admin-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet(), true, 100, 100);
        return tokens.issue(t, "test admin");
    }

    /** RestAssured sends a YAML body as the text it is (it has no encoder of its own for application/yaml). */
    public static void sendYamlAsText() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().encodeContentTypeAs("application/yaml", io.restassured.http.ContentType.TEXT));
    }

    /**
     * The board once it satisfies the check: boards are served from memory and may lag the
     * database by up to half a second (BoardCache), so a test that just changed one waits a little.
     */
    public static io.restassured.path.json.JsonPath board(String benchmark, String tier,
                                                          java.util.function.Predicate<io.restassured.path.json.JsonPath> ready) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (true) {
            io.restassured.path.json.JsonPath b = io.restassured.RestAssured.given().queryParam("tier", tier).queryParam("limit", 0)
                    .get("/api/leaderboards/" + benchmark).then().statusCode(200).extract().jsonPath();
            if (ready.test(b) || System.nanoTime() > end) {
                return b;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static boolean lists(io.restassured.path.json.JsonPath board, long id) {
        return board.<Number>getList("entries.id").stream().anyMatch(x -> x.longValue() == id);
    }

    public static String config() {
        try {
            return Files.readString(Path.of("src/test/resources/tiny-ppo.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The tiny config with another learning rate: a different canonical hash, so not a duplicate. */
    public static String config(double learningRate) {
        return config().replace("learning_rate: 1.0e-3", "learning_rate: " + learningRate);
    }
}
