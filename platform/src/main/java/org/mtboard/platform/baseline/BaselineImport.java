package org.mtboard.platform.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.board.Scoreboard;
import org.mtboard.platform.jobs.JobQueue;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.submit.Benchmarks;
import org.mtboard.platform.submit.SubmissionService;
import org.mtboard.platform.submit.SubmissionMetadata;
import org.mtboard.platform.submit.ValidSubmission;

/**
 * Puts the committed baseline results on the board the first time a server starts, so a newcomer
 * sees a full board at once. Layout: RESULTS/BENCHMARK/TIER/BASELINE/seed-N/{result.json,curve.csv}
 * as `mtboard train` wrote them, the config in BASELINES/BASELINE.yaml. Each becomes an entry that
 * says where it came from, and its seeds are queued again on the workers as a reproduction request
 * of the service's own (requested by "mtboard"): the entry's badge says whether the re-runs
 * reproduced the committed results.
 */
@ApplicationScoped
public class BaselineImport {
    private static final Logger LOG = Logger.getLogger(BaselineImport.class);
    private final Path results;
    private final Path baselines;
    private final BaselineSets sets;
    private final int localWorkers;
    private final Scoreboard scoreboard;
    private final JobQueue queue;

    public BaselineImport(@ConfigProperty(name = "mtboard.results-dir") String results,
                          @ConfigProperty(name = "mtboard.baselines-dir") String baselines,
                          @ConfigProperty(name = "mtboard.worker.count") int localWorkers,
                          BaselineSets sets, Scoreboard scoreboard, JobQueue queue) {
        this.localWorkers = localWorkers;
        this.results = Path.of(results);
        this.baselines = Path.of(baselines);
        this.sets = sets;
        this.scoreboard = scoreboard;
        this.queue = queue;
    }

    /** Imports every result set not imported before; returns a one-line summary. */
    public String importOnFirstStart() throws IOException {
        return importFrom(results, baselines);
    }

    /** @param results a RESULTS directory as above; @param baselines where BASELINE.yaml files are */
    public String importFrom(Path results, Path baselines) throws IOException {
        if (!Files.isDirectory(results)) {
            return "none: " + results + " does not exist";
        }
        List<Path> resultSets = new ArrayList<>();
        try (Stream<Path> found = Files.find(results, 3, (p, a) -> a.isDirectory() && results.relativize(p).getNameCount() == 3)) {
            found.sorted().forEach(resultSets::add);
        }
        int imported = 0;
        int already = 0;
        int notRerun = 0;
        List<String> skipped = new ArrayList<>();
        for (Path set : resultSets) {
            String origin = "submissions/results/" + results.relativize(set).toString().replace('\\', '/');
            if (sets.imported(origin)) {
                already++;
                continue;
            }
            try {
                long id = sets.importSet(set, origin, baselines);
                scoreboard.submissionFinished(id, "import");
                List<RunRecord> reruns = sets.reproductionsOf(id);
                for (RunRecord r : reruns) {
                    queue.enqueue(r.id, r.jobId);
                }
                imported++;
                if (reruns.isEmpty()) {
                    notRerun++;
                }
            } catch (RuntimeException | IOException e) {
                LOG.warnf("not importing %s: %s", origin, e.getMessage());
                skipped.add(origin + " (" + e.getMessage() + ")");
            }
        }
        return imported + " imported, " + already + " already on the board" + (skipped.isEmpty() ? "" : ", skipped: " + skipped)
                + (imported > notRerun ? "; " + (notRerun == 0 ? "their" : imported - notRerun + " sets'") + " re-runs are queued"
                        + (localWorkers > 0 ? " on the local worker" : " (no local worker: start ./mtboard worker)") : "")
                + (notRerun > 0 ? "; " + notRerun + " not re-run (their re-runs could not be judged, e.g. trained before the numerics were pinned or by an engine whose maths followed the CPU: the audit log says why, docs/reproduce.md)" : "");
    }

}
