package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reproduction asked for through the API: queued on the same workers as evaluations, judged by the
 * engine when its last re-run ends, and shown as the entry's badge; and the requests it refuses.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReproductionTest {
    static {
        TestTeams.sendYamlAsText();
    }

    private static long entry;
    private static String token;

    @Inject
    TestTeams teams;

    /** One finished entry of the tiny benchmark (seeds 11, 12, 13), made once for the class. */
    @BeforeEach
    void anEntry() throws InterruptedException {
        if (entry != 0) {
            return;
        }
        token = teams.token("repro", 10, 30);
        entry = SubmissionFlowTest.submitted(token, TestTeams.config(1.1e-3), 201);
        assertEquals("finished", SubmissionFlowTest.waitFor(entry, List.of("finished", "failed"), 240).getString("status"));
    }

    private static String reproductions() {
        return "/api/entries/" + entry + "/reproductions";
    }

    @Test
    void aReproductionRequestedThroughTheApiEndsWithItsBadgeInTheEntryJson() throws InterruptedException {
        given().get("/api/entries/" + entry).then().statusCode(200).body("badge.state", equalTo("not checked"))
                .body("reproductions", hasSize(0));

        // No body: the entry's own seeds on cpu, on this machine and thread count, so bit-exact is expected.
        JsonPath asked = given().auth().oauth2(token).post(reproductions()).then().statusCode(202)
                .header("Location", containsString(reproductions() + "/")).body("seeds", equalTo(List.of(11, 12, 13)))
                .body("backend", equalTo("cpu")).body("requested_by", containsString("repro-")).body("runs", hasSize(3))
                .extract().jsonPath();
        long id = asked.getLong("id");
        // The engine's planner decided the mode before anything trained; the audit says which and why.
        given().get("/api/submissions/" + entry).then().statusCode(200)
                .body("audit.reason", hasItem(containsString("re-run seeds [11, 12, 13] on the cpu backend; bit-exact check: ")));
        // One reproduction of an entry at a time.
        given().auth().oauth2(token).post(reproductions()).then().statusCode(409).body("error", containsString("#" + id));

        long end = System.nanoTime() + 240_000_000_000L;
        JsonPath r;
        do {
            Thread.sleep(500);
            r = given().get(reproductions() + "/" + id).then().statusCode(200).extract().jsonPath();
        } while (List.of("queued", "running").contains(r.getString("state")) && System.nanoTime() < end);
        assertEquals("done", r.getString("state"), r.prettify());
        assertEquals("reproduced bit-exact", r.getString("outcome"), r.prettify());
        assertEquals("bit-exact", r.getString("mode"));
        assertEquals("reproduced bit-exact", r.getString("verdict.outcome"));
        for (Map<String, Object> run : r.<Map<String, Object>>getList("runs")) {
            assertEquals("finished", run.get("status"), run.toString());
            assertEquals(Boolean.TRUE, run.get("same_checksum"), run.toString());
            assertNotNull(run.get("worker"), "where it ran: " + run);
            assertNotNull(run.get("device"), "where it ran: " + run);
        }
        assertFalse(r.getList("ran_on").isEmpty());

        JsonPath e = given().get("/api/entries/" + entry).then().statusCode(200).extract().jsonPath();
        assertEquals("reproduced bit-exact", e.getString("badge.state"), e.prettify());
        assertEquals(id, e.getLong("badge.reproduction_id"));
        assertNotNull(e.getString("badge.checked_at"));
        assertEquals(1, e.getList("reproductions").size());
        assertEquals("done", e.getString("reproductions[0].state"));
        assertEquals(List.of(11, 12, 13), e.getList("reproductions[0].seeds"));
        given().get(reproductions()).then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo((int) id));

        String column = "entries.find { it.id == " + entry + " }.reproduction";
        assertEquals("reproduced bit-exact", TestTeams.board("tiny", "smoke",
                b -> "reproduced bit-exact".equals(b.getString(column))).getString(column));
    }

    @Test
    void refusedRequestsNameTheFieldAndWhatIsAllowed() {
        given().post(reproductions()).then().statusCode(401).body("error", containsString("token"));
        given().auth().oauth2(token).post("/api/entries/999999/reproductions").then().statusCode(404);
        given().get("/api/entries/" + entry + "/reproductions/999999").then().statusCode(404);

        for (String seeds : List.of("[]", "[-1]", "[11, 11]", "\"11\"", "[1.5]", "[" + "1,".repeat(20) + "99]")) {
            given().auth().oauth2(token).contentType("application/json").body("{\"seeds\": " + seeds + "}").post(reproductions())
                    .then().statusCode(400).body("problems.field", hasItem("seeds"))
                    .body("problems.find { it.field == 'seeds' }.allowed", notNullValue());
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"backend\": \"cuda\"}").post(reproductions())
                .then().statusCode(400).body("problems.field", hasItem("backend"))
                .body("problems.find { it.field == 'backend' }.allowed", equalTo("cpu"));
        // Seeds the entry was not scored on: judged statistically, which needs 5 re-runs beside 3 originals.
        given().auth().oauth2(token).contentType("application/json").body("{\"seeds\": [101, 102]}").post(reproductions())
                .then().statusCode(400).body("problems.field", hasItem("seeds"))
                .body("problems.find { it.field == 'seeds' }.message", containsString("at least 5"));
        given().auth().oauth2(token).contentType("application/json").body("{\"seed\": [11]}").post(reproductions())
                .then().statusCode(400).body("problems.field", hasItem("seed"));
        given().auth().oauth2(token).contentType("application/json").body("[11]").post(reproductions())
                .then().statusCode(400).body("problems.field", hasItem("body"));
        given().auth().oauth2(token).contentType("application/json").body("{not json").post(reproductions())
                .then().statusCode(400).body("problems.field", hasItem("body"));
    }
}
