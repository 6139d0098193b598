package org.mtboard.engine.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run's score (DESIGN.md): per task, the success rate and mean return averaged over
 * the last scoreEpochs epochs in which episodes of that task ended; and a checksum of the final
 * parameters and the figures, equal for runs that reproduce each other bit for bit.
 */
final class Scoring {
    private Scoring() {
    }

    static TrainResult result(Trainer trainer, double wallSeconds) {
        TrainingConfig c = trainer.config();
        List<EpochRecord> curve = trainer.curve();
        int tasks = trainer.taskSet().taskCount();
        Map<String, double[]> perTask = new LinkedHashMap<>();
        double meanSuccess = 0;
        for (int t = 0; t < tasks; t++) {
            // This task's last scoreEpochs epochs in which one of its episodes ended: with
            // staggered episodes a task with few envs may end none in a given epoch.
            double sr = 0;
            double ret = 0;
            int scored = 0;
            for (int k = curve.size() - 1; k >= 0 && scored < c.benchmark().scoreEpochs(); k--) {
                EpochRecord r = curve.get(k);
                if (!Double.isNaN(r.taskSuccess()[t])) {
                    sr += r.taskSuccess()[t];
                    ret += r.taskReturn()[t];
                    scored++;
                }
            }
            sr = scored == 0 ? Double.NaN : sr / scored;
            ret = scored == 0 ? Double.NaN : ret / scored;
            meanSuccess += sr;
            perTask.put(trainer.taskSet().task(t).id().metaWorldName(), new double[] {sr, ret});
        }
        meanSuccess /= tasks;
        long frames = (long) trainer.epochsDone() * c.framesPerEpoch();
        String checksum = checksum(trainer, perTask, meanSuccess, frames);
        return new TrainResult(perTask, meanSuccess, frames, wallSeconds, frames / wallSeconds, trainer.env().backend(), checksum, List.copyOf(curve));
    }

    private static String checksum(Trainer trainer, Map<String, double[]> perTask, double meanSuccess, long frames) {
        MessageDigest sha = ParameterDigest.sha256();
        ParameterDigest.update(sha, trainer.network().parameters().export());
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (Map.Entry<String, double[]> e : perTask.entrySet()) {
            sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            for (double v : e.getValue()) {
                buffer.clear();
                buffer.putLong(Double.doubleToRawLongBits(v));
                sha.update(buffer.array());
            }
        }
        buffer.clear();
        buffer.putLong(Double.doubleToRawLongBits(meanSuccess));
        sha.update(buffer.array());
        buffer.clear();
        buffer.putLong(frames);
        sha.update(buffer.array());
        return HexFormat.of().formatHex(sha.digest());
    }
}
