package org.mtboard.engine.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's checkpoint: epochs done, network parameters, optimiser moments, normalisers, the
 * epoch log and the whole env state, as bytes (so the service can keep it in its database) and
 * as a file. The file is written to a temporary file and moved into place, so a run killed while
 * writing keeps its previous checkpoint. Randomness is counter-based, so no generator state is
 * needed beyond the epoch count.
 */
final class CheckpointFile {
    private static final String MAGIC = "MTBOARD-CHECKPOINT-4";
    /** Format 3 differs only in its epoch records (no copy seconds), so it is still read. */
    private static final String PREVIOUS = "MTBOARD-CHECKPOINT-3";
    private final Path file;

    CheckpointFile(Path file) {
        this.file = file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    void write(byte[] checkpoint) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, checkpoint);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void read(Trainer trainer) throws IOException {
        decode(trainer, Files.readAllBytes(file), file.toString());
    }

    static byte[] encode(Trainer trainer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            TrainingConfig c = trainer.config();
            out.writeUTF(MAGIC);
            out.writeUTF(fingerprint(c));
            out.writeInt(trainer.epochsDone());
            EpochRecord last = trainer.curve().get(trainer.curve().size() - 1);
            out.writeDouble(last.wallSeconds());
            writeArrays(out, trainer.network().parameters().export());
            writeArrays(out, trainer.adam().exportMoments());
            out.writeLong(trainer.adam().steps());
            writeDoubles(out, trainer.obsStats().state());
            writeDoubles(out, trainer.valueStats().state());
            out.writeInt(trainer.curve().size());
            for (EpochRecord r : trainer.curve()) {
                EpochRecords.write(out, r);
            }
            trainer.env().saveState(out);
        }
        return bytes.toByteArray();
    }

    /** @param source what to call the bytes in messages (the file, or "checkpoint bytes") */
    static void decode(Trainer trainer, byte[] checkpoint, String source) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic) && !PREVIOUS.equals(magic)) {
                throw new IOException(source + (magic.startsWith("MTBOARD-CHECKPOINT-")
                        ? " was written by another engine version (" + magic + ", this one reads " + PREVIOUS + " and " + MAGIC + "): start the run afresh"
                        : " is not an MTBoard checkpoint"));
            }
            String expected = fingerprint(trainer.config());
            String stored = in.readUTF();
            if (!expected.equals(stored)) {
                throw new IOException(source + " belongs to another run (" + stored + "), not " + expected);
            }
            int format = magic.equals(MAGIC) ? 4 : 3;
            int epochs = in.readInt();
            double wall = in.readDouble();
            trainer.network().parameters().restore(readArrays(in));
            Map<String, float[]> moments = readArrays(in);
            trainer.adam().restore(moments, in.readLong());
            trainer.obsStats().restore(readDoubles(in));
            trainer.valueStats().restore(readDoubles(in));
            int records = in.readInt();
            java.util.List<EpochRecord> curve = new java.util.ArrayList<>(records);
            for (int k = 0; k < records; k++) {
                curve.add(EpochRecords.read(in, format));
            }
            trainer.env().loadState(in);
            trainer.restoreProgress(epochs, wall, curve);
        }
    }

    /**
     * What must match for a checkpoint to continue this run. The simulator backend is not part of
     * it (both write the same env state and step the same bits); the networks' device is, since GPU
     * and CPU networks round differently and a run must not mix them (CPU runs keep their old form).
     */
    private static String fingerprint(TrainingConfig c) {
        return c.submission().name() + "|" + c.submission().algorithm().label() + "|" + c.benchmark().name() + "|"
                + c.tier().name() + "|seed " + c.seed() + "|envs " + c.numEnvs() + "|horizon " + c.horizon()
                + "|protocol " + c.benchmark().protocolVersion() + (c.device().equals("cpu") ? "" : "|networks on " + c.device());
    }

    private static void writeArrays(DataOutputStream out, Map<String, float[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (float v : e.getValue()) {
                out.writeFloat(v);
            }
        }
    }

    private static Map<String, float[]> readArrays(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String name = in.readUTF();
            float[] values = new float[in.readInt()];
            for (int j = 0; j < values.length; j++) {
                values[j] = in.readFloat();
            }
            arrays.put(name, values);
        }
        return arrays;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readDouble();
        }
        return values;
    }
}
