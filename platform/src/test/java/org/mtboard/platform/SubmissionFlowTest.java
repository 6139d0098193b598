package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service end to end on the tiny benchmark: submit, train on the local worker, rank, read; and its refusals. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SubmissionFlowTest {
    static {
        TestTeams.sendYamlAsText();
    }

    @Inject
    TestTeams teams;

    static JsonPath submit(String token, String benchmark, String tier, String body) {
        return given().auth().oauth2(token).contentType("application/yaml").body(body)
                .queryParam("benchmark", benchmark).queryParam("tier", tier)
                .post("/api/submissions").then().extract().jsonPath();
    }

    static JsonPath waitFor(long id, List<String> states, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        JsonPath s;
        do {
            s = given().get("/api/submissions/" + id).then().statusCode(200).extract().jsonPath();
            if (states.contains(s.getString("status"))) {
                return s;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        throw new AssertionError("submission #" + id + " still " + s.getString("status") + " after " + seconds + " s: " + s.prettify());
    }

    @Test
    void submittedConfigTrainsOnEverySeedAndLandsOnTheBoardWithIntervals() throws InterruptedException {
        String token = teams.token("flow", 10, 30);
        // Its own learning rate: the baseline import test puts the plain tiny config on this board too.
        String config = TestTeams.config(1.5e-3);
        JsonPath created = given().auth().oauth2(token).contentType("application/yaml").body(config)
                .queryParam("benchmark", "tiny").queryParam("tier", "smoke").queryParam("method", "tiny ppo (flow test)")
                .post("/api/submissions").then().statusCode(201).header("Location", containsString("/api/submissions/"))
                .body("runs", hasSize(3)).body("runs.seed", equalTo(List.of(11, 12, 13))).body("queue_position", notNullValue())
                .body("duplicate", equalTo(false)).extract().jsonPath();
        long id = created.getLong("id");

        JsonPath done = waitFor(id, List.of("finished", "failed"), 240);
        assertEquals("finished", done.getString("status"), done.prettify());
        List<Map<String, Object>> runs = done.getList("runs");
        for (Map<String, Object> r : runs) {
            assertEquals("finished", r.get("status"));
            assertEquals(r.get("epochs_total"), r.get("epoch"));
            assertTrue(((String) r.get("checksum")).length() == 64);
        }
        assertTrue(done.getList("audit.to").containsAll(List.of("queued", "running", "finished")));

        JsonPath board = TestTeams.board("tiny", "smoke", b -> TestTeams.lists(b, id));
        Map<String, Object> row = board.getList("entries", Map.class).stream().filter(e -> ((Number) e.get("id")).longValue() == id)
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Number> mean = (Map<String, Number>) row.get("mean");
        double lo = mean.get("lo").doubleValue();
        double point = mean.get("point").doubleValue();
        double hi = mean.get("hi").doubleValue();
        assertTrue(lo <= point && point <= hi, row.toString());
        assertEquals(3, row.get("seeds_done"));
        assertTrue(((Number) row.get("rank_tier")).intValue() >= 1);

        // A second entry: every visible entry of the board keeps a rank, positions 1..n.
        long second = submitted(token, TestTeams.config(2.5e-3), 201);
        assertEquals("finished", waitFor(second, List.of("finished", "failed"), 240).getString("status"));
        List<Map<String, Object>> ranked = TestTeams.board("tiny", "smoke", b -> TestTeams.lists(b, second)).getList("entries");
        List<Integer> positions = ranked.stream().map(e -> (Integer) e.get("rank")).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, ranked.size()).boxed().toList(), positions, ranked.toString());

        given().get("/api/entries/" + id).then().statusCode(200).body("per_task", hasSize(10)).body("seeds", hasSize(3))
                .body("aggregates.metric", hasItem("iqm")).body("performance_profile", hasSize(11))
                .body("curves_per_seed", hasSize(3)).body("seeds[0].manifest.checksum", notNullValue());
        given().queryParam("tier", "smoke").queryParam("format", "csv").get("/api/leaderboards/tiny").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString("mean_lo"));
        given().queryParam("tier", "smoke").accept("text/csv").get("/api/leaderboards/tiny").then().statusCode(200)
                .contentType(containsString("text/csv"));

        // The same config again, in another layout: the existing submission comes back.
        String reordered = "algorithm: mt-ppo\n" + config.replace("algorithm: mt-ppo\n", "");
        given().auth().oauth2(token).contentType("application/yaml").body(reordered).queryParam("benchmark", "tiny")
                .queryParam("tier", "smoke").post("/api/submissions").then().statusCode(200)
                .body("id", equalTo((int) id)).body("duplicate", equalTo(true));
    }

    @Test
    void invalidConfigIsRefusedWithEveryProblemNamed() {
        String token = teams.token("invalid", 10, 30);
        String bad = TestTeams.config(5.0).replace("horizon: 150", "horizon: 150\n  typo_key: 3");
        given().auth().oauth2(token).contentType("application/yaml").body(bad).queryParam("benchmark", "tiny").queryParam("tier", "smoke")
                .post("/api/submissions").then().statusCode(400)
                .body("problems.field", hasItem("hyperparameters.learning_rate"))
                .body("problems.find { it.field == 'hyperparameters.learning_rate' }.allowed", notNullValue());
        given().auth().oauth2(token).contentType("application/yaml").body(TestTeams.config()).queryParam("benchmark", "mt99")
                .queryParam("tier", "gold").post("/api/submissions").then().statusCode(400)
                .body("problems.field", hasItem("benchmark")).body("problems.find { it.field == 'benchmark' }.allowed", containsString("tiny"));
        given().auth().oauth2(token).contentType("application/yaml").body(TestTeams.config()).queryParam("benchmark", "tiny")
                .queryParam("tier", "gold").post("/api/submissions").then().statusCode(400)
                .body("problems.field", hasItem("tier")).body("problems.find { it.field == 'tier' }.allowed", equalTo("smoke, standard"));
    }

    @Test
    void withoutATokenNothingIsSubmitted() {
        given().contentType("application/yaml").body(TestTeams.config(2e-3)).queryParam("benchmark", "tiny").queryParam("tier", "smoke")
                .post("/api/submissions").then().statusCode(401).body("error", containsString("token"));
        given().auth().oauth2("mtb_not-a-real-token").contentType("application/yaml").body(TestTeams.config(2e-3))
                .queryParam("benchmark", "tiny").queryParam("tier", "smoke").post("/api/submissions").then().statusCode(401);
    }

    @Test
    void anotherTeamCannotCancelButTheOwnerCan() throws InterruptedException {
        String owner = teams.token("owner", 10, 30);
        String other = teams.token("other", 10, 30);
        // 500 optimiser steps an epoch, so a seed trains for seconds: a 40-epoch seed of the plain tiny config
        // can end between the poll below and the cancel, which then finds only queued seeds
        String slow = TestTeams.config(3e-3).replace("mini_epochs: 1", "mini_epochs: 50").replace("minibatches: 1", "minibatches: 10");
        long id = given().auth().oauth2(owner).contentType("application/yaml").body(slow)
                .queryParam("benchmark", "tiny").queryParam("tier", "standard").post("/api/submissions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(other).delete("/api/submissions/" + id).then().statusCode(403).body("error", containsString("another team"));
        given().delete("/api/submissions/" + id).then().statusCode(401);
        // Wait until a seed is training, so the cancel has a running seed to stop at its next epoch.
        long end = System.nanoTime() + 120_000_000_000L;
        while (given().get("/api/submissions/" + id).then().extract().jsonPath().<Map<String, Object>>getList("runs").stream()
                .noneMatch(r -> "running".equals(r.get("status")) && ((Number) r.get("epoch")).intValue() >= 1) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        given().auth().oauth2(owner).delete("/api/submissions/" + id).then().statusCode(200).body("status", equalTo("cancelling"));
        JsonPath s = waitFor(id, List.of("cancelled"), 120);
        List<String> reasons = s.getList("audit.reason", String.class);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("cancelled by team:")), s.prettify());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("stopped after epoch") && r.contains("because a cancel was requested")),
                s.prettify());
        for (Map<String, Object> r : s.<Map<String, Object>>getList("runs")) {
            assertEquals("cancelled", r.get("status"), s.prettify());
        }
        given().auth().oauth2(owner).delete("/api/submissions/" + id).then().statusCode(409);
    }

    @Test
    void overQuotaIsRefusedWithWhenItResets() {
        String token = teams.token("quota", 1, 30);
        long id = submitted(token, TestTeams.config(4e-3), 201);
        given().auth().oauth2(token).contentType("application/yaml").body(TestTeams.config(5e-3)).queryParam("benchmark", "tiny")
                .queryParam("tier", "smoke").post("/api/submissions").then().statusCode(429)
                .body("resets_at", notNullValue()).body("error", containsString("resets at")).header("Retry-After", notNullValue());
        given().auth().oauth2(token).delete("/api/submissions/" + id).then().statusCode(200);
    }

    static long submitted(String token, String body, int status) {
        return given().auth().oauth2(token).contentType("application/yaml").body(body).queryParam("benchmark", "tiny")
                .queryParam("tier", "smoke").post("/api/submissions").then().statusCode(status).extract().jsonPath().getLong("id");
    }
}
