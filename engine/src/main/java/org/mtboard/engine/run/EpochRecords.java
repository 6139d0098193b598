package org.mtboard.engine.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Epoch records in checkpoints (binary); format 3 lacks the copy seconds. */
final class EpochRecords {
    private EpochRecords() {
    }

    static void write(DataOutputStream out, EpochRecord r) throws IOException {
        out.writeInt(r.epoch());
        out.writeLong(r.frames());
        out.writeDouble(r.wallSeconds());
        out.writeDouble(r.fps());
        out.writeDouble(r.meanSuccess());
        out.writeInt(r.taskSuccess().length);
        for (double v : r.taskSuccess()) {
            out.writeDouble(v);
        }
        out.writeDouble(r.meanReturn());
        for (double v : r.taskReturn()) {
            out.writeDouble(v);
        }
        out.writeInt(r.episodesEnded());
        out.writeDouble(r.simSeconds());
        out.writeDouble(r.inferenceSeconds());
        out.writeDouble(r.updateSeconds());
        out.writeDouble(r.copySeconds());
        out.writeDouble(r.loss());
        out.writeDouble(r.actionStd());
        out.writeUTF(r.paramsSha());
    }

    static EpochRecord read(DataInputStream in, int format) throws IOException {
        int epoch = in.readInt();
        long frames = in.readLong();
        double wall = in.readDouble();
        double fps = in.readDouble();
        double mean = in.readDouble();
        double[] tasks = new double[in.readInt()];
        for (int k = 0; k < tasks.length; k++) {
            tasks[k] = in.readDouble();
        }
        double meanReturn = in.readDouble();
        double[] taskReturns = new double[tasks.length];
        for (int k = 0; k < tasks.length; k++) {
            taskReturns[k] = in.readDouble();
        }
        int episodes = in.readInt();
        double sim = in.readDouble();
        double inference = in.readDouble();
        double update = in.readDouble();
        double copies = format >= 4 ? in.readDouble() : 0.0;
        return new EpochRecord(epoch, frames, wall, fps, mean, tasks, meanReturn, taskReturns, episodes, sim, inference, update, copies,
                in.readDouble(), in.readDouble(), in.readUTF());
    }

}
