package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mtboard.platform.store.SubmissionRecord;

/** 50 submissions from one team at once: exactly its quota is accepted, the rest get 429, never more. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class QuotaRaceTest {
    static {
        TestTeams.sendYamlAsText();
    }

    @Inject
    TestTeams teams;
    @Inject
    TeamSubmissions stored;

    @Test
    void fiftyParallelSubmissionsNeverExceedTheDailyQuota() throws Exception {
        int quota = 7;
        String token = teams.token("race", quota, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            String body = TestTeams.config(1e-4 * (k + 1));
            answers.add(pool.submit(() -> given().auth().oauth2(token).contentType("application/yaml").body(body)
                    .queryParam("benchmark", "tiny").queryParam("tier", "standard").post("/api/submissions").statusCode()));
        }
        int created = 0;
        int refused = 0;
        for (Future<Integer> a : answers) {
            int status = a.get();
            if (status == 201) {
                created++;
            } else if (status == 429) {
                refused++;
            } else {
                throw new AssertionError("unexpected status " + status);
            }
        }
        pool.shutdown();
        assertEquals(quota, created);
        assertEquals(50 - quota, refused);
        List<Long> ids = stored.of(token);
        assertEquals(quota, ids.size());
        for (long id : ids) { // free the shared test worker
            given().auth().oauth2(token).delete("/api/submissions/" + id).then().statusCode(200);
        }
    }

    @Test
    void concurrentRunsAreCappedToo() throws Exception {
        String token = teams.token("active", 1000, 7); // two submissions of 3 seeds fit, a third does not
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            String body = TestTeams.config(2e-4 * (k + 1));
            answers.add(pool.submit(() -> given().auth().oauth2(token).contentType("application/yaml").body(body)
                    .queryParam("benchmark", "tiny").queryParam("tier", "standard").post("/api/submissions").statusCode()));
        }
        int created = 0;
        for (Future<Integer> a : answers) {
            created += a.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, created, "5 seeds per standard submission, 7 active runs allowed: one fits");
        for (long id : stored.of(token)) {
            given().auth().oauth2(token).delete("/api/submissions/" + id).then().statusCode(200);
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class TeamSubmissions {
        @Inject
        org.mtboard.platform.auth.Tokens tokens;

        @jakarta.transaction.Transactional
        List<Long> of(String token) {
            long team = tokens.find(token).team.id;
            return SubmissionRecord.<SubmissionRecord>list("team.id", team).stream().map(s -> s.id).toList();
        }
    }
}
