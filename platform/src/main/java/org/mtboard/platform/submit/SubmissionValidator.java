package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.api.Problem;

/**
 * Checks a submission request with the engine's validator and reports every problem at once
 * (benchmark, tier, config, metadata), so a submitter fixes them in one go. Nothing is stored here.
 */
@ApplicationScoped
public class SubmissionValidator {
    private final Benchmarks benchmarks;

    public SubmissionValidator(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    public ValidSubmission validate(String benchmarkName, String tierName, byte[] body, SubmissionMetadata metadata) {
        String text = RequestText.decode(body);
        List<Problem> problems = new ArrayList<>();
        BenchmarkDefinition benchmark = null;
        Tier tier = null;
        if (benchmarkName == null || benchmarkName.isBlank()) {
            problems.add(new Problem("benchmark", "is required (query parameter)", String.join(", ", benchmarks.names())));
        } else if ((benchmark = benchmarks.find(benchmarkName)) == null) {
            problems.add(new Problem("benchmark", "no benchmark '" + ApiError.echo(benchmarkName) + "'", String.join(", ", benchmarks.names())));
        }
        if (tierName == null || tierName.isBlank()) {
            problems.add(new Problem("tier", "is required (query parameter)", tiersOf(benchmark)));
        } else if (benchmark != null) {
            if (!benchmark.tiers().containsKey(tierName)) {
                problems.add(new Problem("tier", "benchmark " + benchmark.name() + " has no tier '" + ApiError.echo(tierName) + "'", tiersOf(benchmark)));
            } else {
                tier = benchmark.tier(tierName);
            }
        }
        Submission submission = null;
        try {
            submission = RecipeFiles.parseSubmission(text, "request body");
        } catch (ConfigException e) {
            problems.addAll(ConfigProblems.of(e));
        }
        problems.addAll(metadata.problems());
        if (!problems.isEmpty()) {
            throw ApiError.invalid("the submission is not valid (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"), problems);
        }
        return new ValidSubmission(text, submission, RunManifest.configHash(submission), benchmark, tier, metadata);
    }

    private static String tiersOf(BenchmarkDefinition b) {
        return String.join(", ", b == null ? BenchmarkDefinition.TIER_NAMES : b.tierNames());
    }

}
