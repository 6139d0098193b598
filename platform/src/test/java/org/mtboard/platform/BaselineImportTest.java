package org.mtboard.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.run.CurveCsv;
import org.mtboard.engine.run.EpochRecord;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.engine.run.RunSpec;
import org.mtboard.engine.run.Runs;
import org.mtboard.engine.run.Trainer;
import org.mtboard.platform.baseline.BaselineImport;

/**
 * Committed results become entries that say where they came from, and their re-runs on the local
 * worker (a reproduction request of the service's own) report whether they reproduce. The result files are made here exactly as `mtboard train`
 * makes them (the engine's run API, result.json and curve.csv), on the tiny benchmark.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BaselineImportTest {
    @Inject
    BaselineImport baselines;

    @Inject
    TestTeams teams;

    /** results/tiny/smoke/NAME/seed-N/{result.json,curve.csv}, as `mtboard train` writes them, from config text. */
    private static void writeResults(Path root, String name, String config, java.util.function.UnaryOperator<String> resultJson)
            throws Exception {
        BenchmarkDefinition tiny = RecipeFiles.readBenchmark(Path.of("src/test/resources/benchmarks/tiny.yaml"));
        for (int seed : tiny.tier("smoke").seeds()) {
            Path out = Files.createDirectories(root.resolve("results/tiny/smoke/" + name + "/seed-" + seed));
            List<String> tasks = new java.util.ArrayList<>();
            List<EpochRecord> epochs = new java.util.ArrayList<>();
            RunManifest m = Runs.train(new RunSpec(RecipeFiles.parseSubmission(config, name + ".yaml"), tiny,
                    tiny.tier("smoke"), seed), new Runs.Settings(1, out, 0, false, 0), null, new Trainer.Progress() {
                        @Override
                        public void onStart(List<String> taskNames, List<EpochRecord> soFar) {
                            tasks.addAll(taskNames);
                        }

                        @Override
                        public void onEpoch(EpochRecord r, int total) {
                            epochs.add(r);
                        }
                    });
            Files.writeString(out.resolve("result.json"), resultJson.apply(m.toJson()) + "\n");
            Files.writeString(out.resolve("curve.csv"), CurveCsv.text(tasks, epochs));
        }
    }

    @Test
    void importedResultsAreRankedAndTheirRerunsReproduceTheChecksums() throws Exception {
        Path root = Files.createTempDirectory("mtboard-import-");
        Path configs = Files.createDirectories(root.resolve("baselines"));
        Files.writeString(configs.resolve("tiny-ppo.yaml"), TestTeams.config());
        writeResults(root, "tiny-ppo", TestTeams.config(), json -> json);

        String summary = baselines.importFrom(root.resolve("results"), configs);
        assertTrue(summary.startsWith("1 imported"), summary);
        assertTrue(baselines.importFrom(root.resolve("results"), configs).contains("1 already on the board"), "imports once");

        JsonPath board = TestTeams.board("tiny", "smoke", b -> b.<String>getList("entries.origin").contains(
                "submissions/results/tiny/smoke/tiny-ppo"));
        Map<String, Object> row = board.<Map<String, Object>>getList("entries").stream()
                .filter(e -> "submissions/results/tiny/smoke/tiny-ppo".equals(e.get("origin"))).findFirst().orElseThrow();
        long id = ((Number) row.get("id")).longValue();
        assertEquals(3, row.get("seeds_done"));

        long end = System.nanoTime() + 240_000_000_000L;
        JsonPath entry;
        do {
            Thread.sleep(1000);
            entry = given().get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
        } while (entry.<Map<String, Object>>getList("reproduction").stream().anyMatch(r -> !"finished".equals(r.get("status")))
                && System.nanoTime() < end);
        List<Map<String, Object>> reruns = entry.getList("reproduction");
        assertEquals(3, reruns.size());
        for (Map<String, Object> r : reruns) {
            assertEquals("finished", r.get("status"), r.toString());
            assertEquals(Boolean.TRUE, r.get("same_checksum"), "same engine, config, seed and machine: bit-identical " + r);
        }
        // The re-runs are the service's own reproduction request: one history with any team's, and the badge on the board.
        end = System.nanoTime() + 30_000_000_000L;
        while (!"reproduced bit-exact".equals(entry.getString("badge.state")) && System.nanoTime() < end) {
            Thread.sleep(500);
            entry = given().get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
        }
        assertEquals("reproduced bit-exact", entry.getString("badge.state"), entry.prettify());
        assertEquals(1, entry.getList("reproductions").size());
        assertEquals("mtboard", entry.getString("reproductions[0].requested_by"));
        String reproduction = "entries.find { it.id == " + id + " }.reproduction";
        assertEquals("reproduced bit-exact", TestTeams.board("tiny", "smoke",
                b -> "reproduced bit-exact".equals(b.getString(reproduction))).getString(reproduction));
    }

    @Test
    void resultsWrittenBeforeThePinsAreRankedButNotRerunAndARequestOfTheirSeedsIsRefused() throws Exception {
        Path root = Files.createTempDirectory("mtboard-import-old-");
        Path configs = Files.createDirectories(root.resolve("baselines"));
        String config = TestTeams.config(1.7e-3);
        Files.writeString(configs.resolve("tiny-old.yaml"), config);
        // a result.json of an engine before CpuNumerics: no "numerics" object (it is the last field)
        writeResults(root, "tiny-old", config, json -> json.substring(0, json.indexOf(",\"numerics\"")) + "}");

        String summary = baselines.importFrom(root.resolve("results"), configs);
        assertTrue(summary.startsWith("1 imported") && summary.contains("1 not re-run (their re-runs could not be judged"), summary);
        JsonPath board = TestTeams.board("tiny", "smoke", b -> b.<String>getList("entries.origin").contains(
                "submissions/results/tiny/smoke/tiny-old"));
        long id = board.<Map<String, Object>>getList("entries").stream()
                .filter(e -> "submissions/results/tiny/smoke/tiny-old".equals(e.get("origin"))).findFirst()
                .map(e -> ((Number) e.get("id")).longValue()).orElseThrow();
        JsonPath entry = given().get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("not checked", entry.getString("badge.state"));
        assertEquals(0, entry.getList("reproductions").size(), entry.prettify());
        given().get("/api/submissions/" + id).then().statusCode(200)
                .body("audit.reason", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("not re-run: this check is statistical"
                        + " (seeds [11, 12, 13]: the original ran with libtorch's CPU numerics unpinned")));
        // a team asking for the same seeds is told so before any training, not after
        String token = teams.token("repro-old", 10, 30);
        given().auth().oauth2(token).post("/api/entries/" + id + "/reproductions").then().statusCode(400)
                .body("problems[0].field", org.hamcrest.Matchers.equalTo("seeds"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("the original ran with libtorch's CPU numerics unpinned"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("at least 5"));
    }
}
