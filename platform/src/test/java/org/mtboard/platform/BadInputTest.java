package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtboard.platform.store.AuditEvent;
import org.mtboard.platform.store.SubmissionRecord;

/** Hostile or broken requests: every one is a 4xx with a JSON reason, and none stores anything. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BadInputTest {
    static {
        TestTeams.sendYamlAsText();
    }

    @Inject
    TestTeams teams;
    @Inject
    Counts counts;
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;
    int port;
    String token;

    @BeforeEach
    void team() {
        token = teams.token("bad-input", 1000, 1000);
        port = root.getPort();
    }

    private Response post(byte[] body, String benchmark, String tier) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(body).queryParam("benchmark", benchmark)
                .queryParam("tier", tier).post("/api/submissions");
    }

    private void refused(byte[] body, String benchmark, String tier, int status, String field) {
        long before = counts.submissions();
        long audit = counts.auditEvents();
        Response r = post(body, benchmark, tier);
        r.then().statusCode(status);
        if (field != null) {
            r.then().body("problems.field", hasItem(field));
        }
        assertEquals(before, counts.submissions(), "a refused request stored a submission");
        assertEquals(audit, counts.auditEvents(), "a refused request wrote the audit log");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTenMegabyteBodyIsTooLarge() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        long before = counts.submissions();
        // Expect: 100-continue lets the server refuse on the declared length before the body is sent.
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/submissions?benchmark=tiny&tier=smoke"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml").expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertEquals(before, counts.submissions());
        byte[] justOver = new byte[300 * 1024];
        java.util.Arrays.fill(justOver, (byte) 'a');
        refused(justOver, "tiny", "smoke", 413, "body");
    }

    @Test
    void aYamlAliasBombIsRefused() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append("]\n");
        }
        refused(utf8(y.toString()), "tiny", "smoke", 400, null);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "name: caf\u00e9\nalgorithm: mt-ppo\n".getBytes(StandardCharsets.ISO_8859_1);
        refused(latin1, "tiny", "smoke", 400, "body");
        refused(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41}, "tiny", "smoke", 400, "body");
    }

    @Test
    void deepNestingIsRefused() {
        refused(utf8("[".repeat(10_000) + "]".repeat(10_000)), "tiny", "smoke", 400, null);
        refused(utf8("{a: ".repeat(5_000) + "1" + "}".repeat(5_000)), "tiny", "smoke", 400, null);
    }

    @Test
    void unknownBenchmarkOrTierIsRefused() {
        refused(utf8(TestTeams.config(7e-3)), "mt-nope", "smoke", 400, "benchmark");
        refused(utf8(TestTeams.config(7e-3)), "tiny", "platinum", 400, "tier");
        refused(utf8(TestTeams.config(7e-3)), null, null, 400, "benchmark");
        refused(utf8(TestTeams.config(7e-3)), "x".repeat(1000), "smoke", 400, "benchmark");
        refused(utf8(TestTeams.config(7e-3)), "x".repeat(10_000), "smoke", 414, null); // over Vert.x's request-line limit
    }

    @Test
    void negativeOrHugeNumbersAreRefused() {
        refused(utf8(TestTeams.config().replace("horizon: 150", "horizon: -5")), "tiny", "smoke", 400, "hyperparameters.horizon");
        refused(utf8(TestTeams.config().replace("horizon: 150", "horizon: 99999999999999999999999")), "tiny", "smoke", 400,
                "hyperparameters.horizon");
        refused(utf8(TestTeams.config().replace("learning_rate: 1.0e-3", "learning_rate: 1e400")), "tiny", "smoke", 400,
                "hyperparameters.learning_rate");
        refused(utf8(TestTeams.config().replace("actor_hidden: [16]", "actor_hidden: [18446744073709551680]")), "tiny", "smoke", 400,
                "network.actor_hidden[0]");
    }

    @Test
    void emptyWrongShapeAndGarbageBodiesAreRefused() {
        refused(new byte[0], "tiny", "smoke", 400, "body");
        refused(utf8("- just\n- a list\n"), "tiny", "smoke", 400, null);
        refused(utf8("{\"name\": \"x\", \"algorithm\": "), "tiny", "smoke", 400, null);
        refused(utf8("name: a\n---\nname: b\n"), "tiny", "smoke", 400, null);
    }

    @Test
    void badPathsAndParametersAreClientErrors() {
        given().get("/api/submissions/not-a-number").then().statusCode(400).body("problems.field", hasItem("id"));
        given().get("/api/submissions/-4").then().statusCode(400);
        given().get("/api/submissions/99999999999999999999").then().statusCode(400);
        given().get("/api/submissions/987654321").then().statusCode(404).body("error", containsString("no submission"));
        given().get("/api/entries/987654321").then().statusCode(404);
        given().queryParam("tier", "smoke").queryParam("sort", "drop table").get("/api/leaderboards/tiny").then().statusCode(400)
                .body("problems.field", hasItem("sort"));
        given().queryParam("tier", "smoke").queryParam("order", "sideways").get("/api/leaderboards/tiny").then().statusCode(400);
        given().queryParam("tier", "smoke").queryParam("version", "-1").get("/api/leaderboards/tiny").then().statusCode(400);
        given().queryParam("tier", "smoke").queryParam("version", "zzz").get("/api/leaderboards/tiny").then().statusCode(lessThan(500));
        given().get("/api/leaderboards/unknown").then().statusCode(400).body("problems.field", hasItem("benchmark"));
        given().get("/api/nothing-here").then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body("{\"name\": 5}").post("/api/admin/teams").then().statusCode(403);
    }

    /** Row counts, read through the platform's own entities. */
    @jakarta.enterprise.context.ApplicationScoped
    static class Counts {
        @jakarta.transaction.Transactional
        long submissions() {
            return SubmissionRecord.count();
        }

        @jakarta.transaction.Transactional
        long auditEvents() {
            return AuditEvent.count();
        }
    }
}
