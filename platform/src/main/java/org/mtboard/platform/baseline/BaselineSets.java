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
import org.mtboard.engine.repro.ReproductionPlanner;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.board.Scoreboard;
import org.mtboard.platform.jobs.JobQueue;
import org.mtboard.platform.repro.ReproductionService;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.ReproductionRecord;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.submit.Benchmarks;
import org.mtboard.platform.submit.SubmissionService;
import org.mtboard.platform.submit.SubmissionMetadata;
import org.mtboard.platform.submit.ValidSubmission;

/** One committed result set into the database, in one transaction (BaselineImport says which). */
@ApplicationScoped
public class BaselineSets {
    private final Benchmarks benchmarks;
    private final Teams teams;
    private final Audit audit;
    private final ReproductionService reproductions;

    public BaselineSets(Benchmarks benchmarks, Teams teams, Audit audit, ReproductionService reproductions) {
        this.benchmarks = benchmarks;
        this.teams = teams;
        this.audit = audit;
        this.reproductions = reproductions;
    }

    @Transactional
    public boolean imported(String origin) {
        return SubmissionRecord.count("origin", origin) > 0;
    }

    @Transactional
    public List<RunRecord> reproductionsOf(long submissionId) {
        return RunRecord.list("submission.id = ?1 and purpose = 'reproduction'", submissionId);
    }

    @Transactional
    public long importSet(Path set, String origin, Path baselines) throws IOException {
        String benchmarkName = set.getParent().getParent().getFileName().toString();
        String tierName = set.getParent().getFileName().toString();
        String baseline = set.getFileName().toString();
        BenchmarkDefinition benchmark = benchmarks.find(benchmarkName);
        if (benchmark == null || !benchmark.tiers().containsKey(tierName)) {
            throw new IllegalArgumentException("no benchmark tier " + benchmarkName + "/" + tierName);
        }
        Path configFile = baselines.resolve(baseline + ".yaml");
        String configText = Files.readString(configFile);
        Submission submission = RecipeFiles.parseSubmission(configText, configFile.toString());
        String hash = RunManifest.configHash(submission);
        List<Path> seeds = new ArrayList<>();
        try (Stream<Path> found = Files.list(set)) {
            found.filter(p -> p.getFileName().toString().startsWith("seed-") && Files.isRegularFile(p.resolve("result.json")))
                    .sorted().forEach(seeds::add);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed-N/result.json");
        }
        TeamRecord team = teams.ensure("baselines", false);
        SubmissionRecord s = new SubmissionRecord();
        s.team = team;
        s.configText = configText;
        s.configHash = hash;
        s.benchmark = benchmark.name();
        s.protocolVersion = benchmark.protocolVersion();
        s.tier = tierName;
        s.method = submission.name();
        s.labelFrom(submission);
        s.description = "Baseline " + baseline + " (submissions/baselines/" + baseline + ".yaml), trained with `mtboard train`.";
        s.origin = origin;
        s.createdAt = Instant.now();
        s.status = "imported";
        s.persist();
        ValidSubmission v = new ValidSubmission(configText, submission, hash, benchmark, benchmark.tier(tierName),
                new SubmissionMetadata(null, null, null, null));
        List<String> devices = new ArrayList<>();
        java.util.Map<Integer, RunRecord> imported = new java.util.LinkedHashMap<>();
        for (Path seedDir : seeds) {
            RunManifest m = RunManifest.fromJson(Files.readString(seedDir.resolve("result.json")));
            check(m, hash, benchmark, tierName, seedDir);
            RunRecord r = SubmissionService.newRun(s, m.seed(), RunRecord.SCORE, "imported", v);
            r.resultJson = m.toJson();
            r.meanSuccess = m.meanSuccessRate();
            r.checksum = m.checksum();
            r.epoch = r.epochsTotal;
            r.frames = m.frames();
            r.finishedAt = r.createdAt;
            Path curve = seedDir.resolve("curve.csv");
            r.curveCsv = Files.isRegularFile(curve) ? Files.readString(curve) : null;
            audit.created(r, "imported from " + origin + "/" + seedDir.getFileName() + " (engine " + m.engineVersion()
                    + ", " + m.device() + ", checksum " + m.checksum().substring(0, 12) + ")", "import");
            imported.put(m.seed(), r);
            devices.add(m.device());
        }
        audit.created(s, "imported " + seeds.size() + " seeds from " + origin + " (written by mtboard train on "
                + String.join(", ", devices.stream().distinct().toList()) + ")", "import");
        // Each imported seed is re-run by the service's own reproduction request, so the entry's badge and history come
        // from the same place as any team's request; unless, as for any request, its re-runs could not be judged (results
        // written before the numerics were pinned, say: ReproductionPlanner): hours of training would end without a verdict.
        List<Integer> seedList = List.copyOf(imported.keySet());
        ReproductionPlanner.Plan plan = reproductions.plan(seedList, "cpu", imported);
        ReproductionService.Unjudgeable unjudgeable = ReproductionService.unjudgeable(plan, plan);
        if (unjudgeable == null) {
            reproductions.queue(s, ReproductionRecord.SERVICE, null, plan, imported, "import");
        } else {
            audit.created(s, "not re-run: " + unjudgeable.why() + "; refresh them with `mtboard train` (docs/reproduce.md) to have"
                    + " them re-run bit-exact", "import");
        }
        return s.id;
    }

    private static void check(RunManifest m, String hash, BenchmarkDefinition benchmark, String tier, Path dir) {
        if (!m.configHash().equals(hash)) {
            throw new IllegalArgumentException(dir + ": result.json was trained from another config (hash " + m.configHash()
                    + ", the YAML's is " + hash + ")");
        }
        if (!m.benchmark().equals(benchmark.name()) || m.protocolVersion() != benchmark.protocolVersion() || !m.tier().equals(tier)) {
            throw new IllegalArgumentException(dir + ": result.json is for " + m.benchmark() + " v" + m.protocolVersion() + "/" + m.tier()
                    + ", not " + benchmark.name() + " v" + benchmark.protocolVersion() + "/" + tier);
        }
        if (m.partial()) {
            throw new IllegalArgumentException(dir + ": result.json is partial (stopped before the tier's budget)");
        }
        if (!benchmark.tier(tier).seeds().contains(m.seed())) {
            throw new IllegalArgumentException(dir + ": seed " + m.seed() + " is not one of the tier's frozen seeds");
        }
    }
}
