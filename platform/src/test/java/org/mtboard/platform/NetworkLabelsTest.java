package org.mtboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtboard.platform.store.NetworkLabels;
import org.mtboard.platform.store.SubmissionRecord;

/** Submissions carry their network and scheme labels; rows stored before the columns existed get them from their config. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class NetworkLabelsTest {
    static {
        TestTeams.sendYamlAsText();
    }

    @Inject
    TestTeams teams;
    @Inject
    NetworkLabels labels;

    @Test
    void aSubmissionIsLabelledWhenStoredAndAnUnlabelledRowIsFilledFromItsConfig() throws Exception {
        String token = teams.token("labels", 10, 30);
        long id = RestAssured.given().auth().oauth2(token).contentType("application/yaml")
                .body(Files.readString(Path.of("src/test/resources/tiny-grpo.yaml")).replace("1.0e-3", "1.1e-3"))
                .queryParam("benchmark", "tiny").queryParam("tier", "smoke").post("/api/submissions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals("multi-head", scheme(id));
        assertEquals("MLP 16 elu", network(id));
        clear(id);
        assertNull(scheme(id));
        labels.backfill();
        assertEquals("multi-head", scheme(id));
        assertEquals("MLP 16 elu", network(id));
        RestAssured.given().auth().oauth2(token).delete("/api/submissions/" + id);
    }

    private static String scheme(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SubmissionRecord.<SubmissionRecord>findById(id).scheme);
    }

    private static String network(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SubmissionRecord.<SubmissionRecord>findById(id).network);
    }

    private static void clear(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            SubmissionRecord s = SubmissionRecord.findById(id);
            s.scheme = null;
            s.network = null;
        });
    }
}
