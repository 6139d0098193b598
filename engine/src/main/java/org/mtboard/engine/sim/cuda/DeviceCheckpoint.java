package org.mtboard.engine.sim.cuda;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.StateIo;
import org.mtboard.engine.sim.StepOutputs;

/**
 * A {@link SimDevice}'s state in the checkpoint layout every backend shares ({@link StateIo}).
 * The device has no previous-frame array: sim_step takes it from the current frame of the last
 * observation, which is exactly what the CPU's previousFrame holds after every reset and step.
 * So it is derived from the observations on save and must agree with them on load.
 */
final class DeviceCheckpoint {
    private DeviceCheckpoint() {
    }

    /** @param outputs the host copy of the device's outputs, current as of the last reset or step */
    static void save(SimDevice device, StepOutputs outputs, DataOutputStream out) throws IOException {
        SimState state = new SimState(device.numEnvs());
        device.downloadState(state);
        for (int i = 0; i < device.numEnvs(); i++) {
            System.arraycopy(outputs.observations, Observation.SIZE * i, state.previousFrame, Observation.FRAME * i, Observation.FRAME);
        }
        StateIo.write(out, state, outputs);
    }

    /** Replaces the device's state and outputs, then brings the outputs back into the host copy. */
    static void load(SimDevice device, StepOutputs outputs, DataInputStream in) throws IOException {
        int n = device.numEnvs();
        SimState state = new SimState(n);
        StepOutputs saved = new StepOutputs(n);
        StateIo.read(in, state, saved);
        for (int i = 0; i < n; i++) {
            int frame = Observation.FRAME * i;
            int row = Observation.SIZE * i;
            if (!Arrays.equals(state.previousFrame, frame, frame + Observation.FRAME, saved.observations, row, row + Observation.FRAME)) {
                throw new IOException("env state in the checkpoint cannot resume on the cuda backend: env " + i
                        + "'s previous frame is not its observation's current frame");
            }
        }
        device.uploadState(state);
        device.uploadOutputs(saved);
        device.downloadOutputs(outputs);
        device.downloadFinals(outputs);
    }
}
