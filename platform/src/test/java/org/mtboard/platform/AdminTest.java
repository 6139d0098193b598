package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admin: teams and quotas, tokens shown once and revocable, entries hidden and shown with a reason on the record. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AdminTest {
    static {
        TestTeams.sendYamlAsText();
    }

    @Inject
    TestTeams teams;

    @Test
    void teamsTokensAndHiddenEntries() throws InterruptedException {
        String admin = teams.admin();
        String name = "lab-" + System.nanoTime();
        int team = given().auth().oauth2(admin).contentType("application/json").body("{\"name\": \"" + name + "\", \"submissions_per_day\": 3}")
                .post("/api/admin/teams").then().statusCode(201).body("submissions_per_day", equalTo(3)).extract().path("id");
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\": \"" + name + "\"}").post("/api/admin/teams")
                .then().statusCode(409);
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\": \"bad name!\"}").post("/api/admin/teams")
                .then().statusCode(400).body("problems[0].field", equalTo("name"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"max_active_runs\": -1}").patch("/api/admin/teams/" + team)
                .then().statusCode(400).body("problems[0].field", equalTo("max_active_runs"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"max_active_runs\": 9}").patch("/api/admin/teams/" + team)
                .then().statusCode(200).body("max_active_runs", equalTo(9));

        String token = given().auth().oauth2(admin).contentType("application/json").body("{\"label\": \"ci\"}")
                .post("/api/admin/teams/" + team + "/tokens").then().statusCode(201).body("token", notNullValue()).extract().path("token");
        List<java.util.Map<String, Object>> listed = given().auth().oauth2(admin).get("/api/admin/tokens").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertFalse(listed.toString().contains(token), "the token list never shows a token");
        given().auth().oauth2(token).get("/api/admin/teams").then().statusCode(403);

        long id = SubmissionFlowTest.submitted(token, TestTeams.config(6e-3), 201);
        SubmissionFlowTest.waitFor(id, List.of("finished"), 240);
        assertTrue(TestTeams.lists(TestTeams.board("tiny", "smoke", b -> TestTeams.lists(b, id)), id));
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/api/admin/entries/" + id + "/hide")
                .then().statusCode(400).body("problems[0].field", equalTo("reason"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"reason\": \"config copied from another team\"}")
                .post("/api/admin/entries/" + id + "/hide").then().statusCode(200);
        assertFalse(TestTeams.lists(TestTeams.board("tiny", "smoke", b -> !TestTeams.lists(b, id)), id), "hidden entries leave the board");
        given().get("/api/entries/" + id).then().statusCode(404);
        given().get("/api/submissions/" + id).then().statusCode(200)
                .body("audit.reason", org.hamcrest.Matchers.hasItem(containsString("hidden from the board: config copied")));
        given().auth().oauth2(admin).contentType("application/json").body("{\"reason\": \"cleared\"}")
                .post("/api/admin/entries/" + id + "/unhide").then().statusCode(200);
        assertTrue(TestTeams.lists(TestTeams.board("tiny", "smoke", b -> TestTeams.lists(b, id)), id));

        int tokenId = given().auth().oauth2(admin).get("/api/admin/tokens").then().extract().jsonPath()
                .<Integer>getList("findAll { it.label == 'ci' }.id").stream().max(Integer::compare).orElseThrow();
        given().auth().oauth2(admin).delete("/api/admin/tokens/" + tokenId).then().statusCode(200).body("revoked_at", notNullValue());
        given().auth().oauth2(token).contentType("application/yaml").body(TestTeams.config(6.5e-3)).queryParam("benchmark", "tiny")
                .queryParam("tier", "smoke").post("/api/submissions").then().statusCode(401).body("error", containsString("revoked"));
    }
}
