package org.mtboard.platform.submit;

import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;

/** A request that passed every check: the parsed config, its text and hash, and where it is to run. */
public record ValidSubmission(String text, Submission submission, String configHash, BenchmarkDefinition benchmark, Tier tier,
                              SubmissionMetadata metadata) {
}
