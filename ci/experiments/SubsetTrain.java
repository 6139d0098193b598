import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.engine.run.TrainResult;
import org.mtboard.engine.run.Trainer;
import org.mtboard.engine.run.TrainingConfig;

/**
 * An experiment driver, not a benchmark run: trains a submission on a subset of the MT10 tasks
 * (benchmark files only take whole suites) with a seed of your choosing, and prints the per-task
 * success every 40 epochs. Used to find out why a task is not learned inside MT10 (BENCHMARKS.md).
 * Args: submission.yaml tasks(comma-separated) frames envs seed protocol_version
 */
public final class SubsetTrain {
    public static void main(String[] args) throws Exception {
        Submission sub = RecipeFiles.readSubmission(Path.of(args[0]));
        String tasks = args[1];
        long frames = Long.parseLong(args[2]);
        int envs = Integer.parseInt(args[3]);
        int seed = Integer.parseInt(args[4]);
        int protocol = Integer.parseInt(args[5]);
        Tier tier = new Tier("experiment", List.of(seed), frames, envs);
        BenchmarkDefinition bench = new BenchmarkDefinition("subset", protocol, tasks, "rand", 150, 5, Map.of("experiment", tier));
        TrainingConfig config = new TrainingConfig(sub, bench, tier, seed, 1, Files.createTempDirectory("subset"), 0, false, 0);
        try (Trainer trainer = new Trainer(config)) {
            TrainResult result = trainer.train((r, total) -> {
                if (r.epoch() % 40 == 0) {
                    System.out.printf("epoch %d frames %d per-task success %s return %.1f std %.3f%n", r.epoch(), r.frames(),
                            Arrays.toString(r.taskSuccess()), r.meanReturn(), r.actionStd());
                }
            });
            System.out.println("score " + result.perTask().keySet() + " " + result.meanSuccessRate() + " checksum " + result.checksum());
        }
    }
}
