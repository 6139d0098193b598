package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.jobs.RunLedger;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.submit.Quotas;

/**
 * What happens to a run when things go wrong, on the real ledger and database: infrastructure
 * failures are retried a bounded number of times, each visibly, then the run is lost without
 * counting against the quota; a config failure fails at once and stops its sibling seeds; the
 * audit log refuses to be rewritten.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LedgerPolicyTest {
    @Inject
    RunLedger ledger;
    @Inject
    Fixtures fixtures;
    @Inject
    Quotas quotas;

    @jakarta.enterprise.context.ApplicationScoped
    static class Fixtures {
        @Inject
        Teams teams;
        @Inject
        Audit audit;

        /** A submission with queued runs that no job will pick up (no job is enqueued for them). */
        @Transactional
        long[] submission(String team, int seeds) {
            TeamRecord t = teams.create(team + "-" + UUID.randomUUID(), false, 10, 30);
            SubmissionRecord s = new SubmissionRecord();
            s.team = t;
            s.configText = TestTeams.config();
            s.configHash = UUID.randomUUID().toString();
            s.benchmark = "tiny";
            s.protocolVersion = 2;
            s.tier = "smoke";
            s.method = "ledger test";
            s.algorithm = "mt-ppo";
            s.status = "queued";
            s.createdAt = java.time.Instant.now();
            s.persist();
            audit.created(s, "made by the test", "test");
            long[] ids = new long[seeds + 1];
            ids[0] = s.id;
            for (int k = 0; k < seeds; k++) {
                RunRecord r = new RunRecord();
                r.submission = s;
                r.seed = 11 + k;
                r.purpose = RunRecord.SCORE;
                r.status = "queued";
                r.epochsTotal = 3;
                r.framesTotal = 4500;
                r.jobId = UUID.randomUUID();
                r.createdAt = java.time.Instant.now();
                r.persist();
                audit.created(r, "made by the test", "test");
                ids[k + 1] = r.id;
            }
            return ids;
        }

        @Transactional
        RunRecord run(long id) {
            RunRecord r = RunRecord.findById(id);
            r.submission.status.length(); // load it
            return r;
        }

        @Transactional
        long team(long submissionId) {
            return SubmissionRecord.<SubmissionRecord>findById(submissionId).team.id;
        }

        @Transactional
        int rewriteAudit() {
            return org.mtboard.platform.store.AuditEvent.getEntityManager()
                    .createNativeQuery("update audit_event set reason = 'rewritten'").executeUpdate();
        }
    }

    @Test
    void infrastructureFailuresAreRetriedThenTheRunIsLostWithoutCountingAgainstTheQuota() {
        long[] ids = fixtures.submission("infra", 1);
        long run = ids[1];
        long team = fixtures.team(ids[0]);
        assertEquals(1, quotas.submissionsSince(team, java.time.Instant.EPOCH));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertNotNull(ledger.claim(run, "test-worker"));
            boolean retry = ledger.infrastructureFailure(run, "IOException: disk full", "test-worker", 3);
            assertEquals(attempt < 3, retry, "attempt " + attempt);
            assertEquals(attempt < 3 ? "queued" : "failed", fixtures.run(run).status);
        }
        RunRecord r = fixtures.run(run);
        assertTrue(r.lostToInfrastructure);
        assertEquals(3, r.attempts);
        assertNull(ledger.claim(run, "test-worker"), "a lost run is not run again");
        assertEquals(0, quotas.submissionsSince(team, java.time.Instant.EPOCH), "lost to infrastructure: not counted");
        JsonPath s = given().get("/api/submissions/" + ids[0]).then().statusCode(200).extract().jsonPath();
        assertEquals("failed", s.getString("status"));
        List<String> reasons = s.getList("audit.reason", String.class);
        assertTrue(reasons.stream().anyMatch(x -> x.startsWith("attempt 1 of 3 failed on test-worker (IOException: disk full)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(x -> x.startsWith("attempt 2 of 3 failed")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(x -> x.startsWith("lost to infrastructure after 3 attempts")), reasons.toString());
    }

    @Test
    void aConfigFailureFailsAtOnceAndStopsTheOtherSeeds() {
        long[] ids = fixtures.submission("config", 3);
        assertNotNull(ledger.claim(ids[1], "test-worker"));
        assertNotNull(ledger.claim(ids[2], "other-worker"));
        ledger.failedConfig(ids[1], "hyperparameters.horizon: must be in [1, 10000]; got 0", "test-worker");
        assertEquals("failed", fixtures.run(ids[1]).status);
        assertEquals(1, fixtures.run(ids[1]).attempts, "no retry");
        assertTrue(fixtures.run(ids[2]).cancelRequested, "the running sibling stops at its next epoch");
        assertEquals("cancelled", fixtures.run(ids[3]).status, "the queued sibling never starts");
        assertFalse(fixtures.run(ids[1]).lostToInfrastructure);
        given().get("/api/submissions/" + ids[0]).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("failed"))
                .body("runs.find { it.seed == 11 }.error", org.hamcrest.Matchers.containsString("horizon"));
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        fixtures.submission("audit", 1);
        try {
            fixtures.rewriteAudit();
            throw new AssertionError("the audit log accepted an update");
        } catch (RuntimeException expected) {
            assertTrue(String.valueOf(rootCause(expected).getMessage()).contains("append-only"), rootCause(expected).toString());
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
