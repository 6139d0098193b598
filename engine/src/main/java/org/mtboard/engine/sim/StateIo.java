package org.mtboard.engine.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The checkpoint form of a vector env's state, the same for every backend: the
 * {@link SimState} arrays, then the {@link StepOutputs} arrays, each as its length and values.
 */
public final class StateIo {
    private StateIo() {
    }

    public static void write(DataOutputStream out, SimState state, StepOutputs outputs) throws IOException {
        write(out, state.arrays());
        write(out, outputs.arrays());
    }

    /** Reads into the given arrays in place; they must be for the env count that was saved. */
    public static void read(DataInputStream in, SimState state, StepOutputs outputs) throws IOException {
        read(in, state.arrays());
        read(in, outputs.arrays());
    }

    private static void write(DataOutputStream out, Object[] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (Object a : arrays) {
            if (a instanceof float[] f) {
                out.writeInt(f.length);
                for (float v : f) {
                    out.writeFloat(v);
                }
            } else if (a instanceof int[] n) {
                out.writeInt(n.length);
                for (int v : n) {
                    out.writeInt(v);
                }
            } else {
                byte[] b = (byte[]) a;
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    private static void read(DataInputStream in, Object[] arrays) throws IOException {
        if (in.readInt() != arrays.length) {
            throw new IOException("env state in the checkpoint has another layout");
        }
        for (Object a : arrays) {
            int length = in.readInt();
            if (a instanceof float[] f) {
                check(length, f.length);
                for (int k = 0; k < f.length; k++) {
                    f[k] = in.readFloat();
                }
            } else if (a instanceof int[] n) {
                check(length, n.length);
                for (int k = 0; k < n.length; k++) {
                    n[k] = in.readInt();
                }
            } else {
                byte[] b = (byte[]) a;
                check(length, b.length);
                in.readFully(b);
            }
        }
    }

    private static void check(int stored, int expected) throws IOException {
        if (stored != expected) {
            throw new IOException("env state in the checkpoint is for another env count (" + stored + " vs " + expected + " values)");
        }
    }
}
