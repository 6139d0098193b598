package org.mtboard.platform.jobs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.mtboard.engine.run.CurveCsv;
import org.mtboard.engine.run.EpochRecord;
import org.mtboard.engine.run.ProgressLine;
import org.mtboard.engine.run.Trainer;

/**
 * The engine's progress callback for a run on a worker: each epoch's progress, curve row and log
 * line go to the database; a checkpoint is taken (and stored) when the last one is older than the interval;
 * a cancel asked for through the API is seen at the end of the next epoch.
 */
final class RunProgress implements Trainer.Progress {
    private static final int LOG_LINES = 20;
    private final RunLedger ledger;
    private final long runId;
    private final long checkpointIntervalNanos;
    private final Deque<String> log = new ArrayDeque<>();
    private long lastCheckpoint = System.nanoTime();
    private int epochsDone;
    private boolean cancelRequested;

    RunProgress(RunLedger ledger, long runId, Duration checkpointInterval) {
        this.ledger = ledger;
        this.runId = runId;
        this.checkpointIntervalNanos = checkpointInterval.toNanos();
    }

    @Override
    public void onStart(List<String> taskNames, List<EpochRecord> epochsSoFar) {
        epochsDone = epochsSoFar.size();
        ledger.startCurve(runId, CurveCsv.text(taskNames, epochsSoFar));
    }

    @Override
    public void onEpoch(EpochRecord record, int totalEpochs) {
        epochsDone = record.epoch() + 1;
        log.addLast(ProgressLine.of(record, totalEpochs));
        while (log.size() > LOG_LINES) {
            log.removeFirst();
        }
        cancelRequested = ledger.epoch(runId, record, totalEpochs, CurveCsv.row(record), String.join("\n", log));
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }

    @Override
    public boolean checkpointDue() {
        return System.nanoTime() - lastCheckpoint >= checkpointIntervalNanos;
    }

    @Override
    public void onCheckpoint(byte[] checkpoint) {
        ledger.checkpoint(runId, checkpoint, epochsDone);
        lastCheckpoint = System.nanoTime();
    }
}
