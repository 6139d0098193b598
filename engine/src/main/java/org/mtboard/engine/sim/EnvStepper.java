package org.mtboard.engine.sim;

import org.mtboard.engine.rng.CounterRandom;

/**
 * Advances one env by one control step (hand and finger motion in substeps, the task's scene
 * response, reward, success, observation, and the automatic reset after 150 steps). This is the
 * per-env body that every backend runs, one env per call here and one per CUDA thread there.
 */
public final class EnvStepper {
    /** Control period: Meta-World's frame_skip 5 x 2.5 ms. */
    public static final float CONTROL_DT = 0.0125f;
    /** Substeps per control step: the hand moves at most 5 mm per substep, well under any collider's size. */
    public static final int SUBSTEPS = 2;
    public static final float SUCCESS_REWARD = 10.0f;

    private final SimState s;
    private final StepOutputs out;
    private final int seed;

    public EnvStepper(SimState state, StepOutputs outputs, int seed) {
        this.s = state;
        this.out = outputs;
        this.seed = seed;
    }

    public int seed() {
        return seed;
    }

    /** Starts episode s.episode[i] of env i (index envInTask within its task's block). */
    public void reset(Task task, int i, int envInTask, CounterRandom random) {
        int v = 3 * i;
        s.hand[v] = task.handInitX();
        s.hand[v + 1] = task.handInitY();
        s.hand[v + 2] = task.handInitZ();
        s.gap[i] = Gripper.OPEN_GAP;
        s.grasped[i] = 0;
        s.objVz[i] = 0.0f;
        s.graspOffset[v] = 0.0f;
        s.graspOffset[v + 1] = 0.0f;
        s.graspOffset[v + 2] = 0.0f;
        s.joint[i] = 0.0f;
        s.step[i] = 0;
        s.episodeReturn[i] = 0.0f;
        s.episodeSuccess[i] = 0;
        random.position(seed, CounterRandom.STREAM_RESET, task.id().catalogIndex(), envInTask, s.episode[i], 0);
        task.reset(s, i, random);
        for (int k = 0; k < 3; k++) {
            s.obj0[v + k] = s.obj[v + k];
            s.hand0[v + k] = s.hand[v + k];
        }
        writeObservation(task, i, true);
    }

    public void step(Task task, int i, int envInTask, float[] actions, CounterRandom random) {
        int a = 4 * i;
        int v = 3 * i;
        float ax = FMath.clamp(actions[a], -1.0f, 1.0f);
        float ay = FMath.clamp(actions[a + 1], -1.0f, 1.0f);
        float az = FMath.clamp(actions[a + 2], -1.0f, 1.0f);
        float grip = FMath.clamp(actions[a + 3], -1.0f, 1.0f);
        float tx = FMath.clamp(s.hand[v] + ax * Gripper.ACTION_SCALE, Gripper.HAND_LOW_X, Gripper.HAND_HIGH_X);
        float ty = FMath.clamp(s.hand[v + 1] + ay * Gripper.ACTION_SCALE, Gripper.HAND_LOW_Y, Gripper.HAND_HIGH_Y);
        float tz = FMath.clamp(s.hand[v + 2] + az * Gripper.ACTION_SCALE, Gripper.HAND_LOW_Z, Gripper.HAND_HIGH_Z);
        float dx = (tx - s.hand[v]) / SUBSTEPS;
        float dy = (ty - s.hand[v + 1]) / SUBSTEPS;
        float dz = (tz - s.hand[v + 2]) / SUBSTEPS;
        float targetGap = Gripper.targetGap(grip);
        float subDt = CONTROL_DT / SUBSTEPS;
        float gapChange = Gripper.GAP_RATE / SUBSTEPS;
        for (int sub = 0; sub < SUBSTEPS; sub++) {
            s.hand[v] += dx;
            s.hand[v + 1] += dy;
            s.hand[v + 2] += dz;
            Gripper.clampHandToBox(s, i);
            // What lies between the pads matters only to closing fingers (Gripper.moveFingers).
            float pinch = targetGap < s.gap[i] ? task.pinchWidth(s, i) : 0.0f;
            Gripper.moveFingers(s, i, targetGap, pinch, gapChange);
            // The wall first, so a held object follows the hand where the wall leaves it.
            Scene.interact(s, i);
            task.interact(s, i, targetGap, subDt);
        }
        Gripper.clampHandToBox(s, i);

        boolean success = task.isSuccess(s, i);
        float reward = success ? SUCCESS_REWARD : task.shapedReward(s, i, grip);
        writeObservation(task, i, false);
        out.rewards[i] = reward;
        out.successes[i] = (byte) (success ? 1 : 0);
        s.episodeReturn[i] += reward;
        if (success) {
            s.episodeSuccess[i] = 1;
        }
        s.step[i]++;
        if (s.step[i] >= VecEnv.EPISODE_LENGTH) {
            out.dones[i] = 1;
            System.arraycopy(out.observations, Observation.SIZE * i, out.finalObservations, Observation.SIZE * i, Observation.SIZE);
            out.finalReturns[i] = s.episodeReturn[i];
            out.finalSuccesses[i] = s.episodeSuccess[i];
            s.episode[i]++;
            reset(task, i, envInTask, random);
        } else {
            out.dones[i] = 0;
        }
    }

    private void writeObservation(Task task, int i, boolean fresh) {
        float[] obs = out.observations;
        int o = Observation.SIZE * i;
        int v = 3 * i;
        obs[o] = FMath.clamp(s.hand[v], Observation.HAND_OBS_LOW_X, Observation.HAND_OBS_HIGH_X);
        obs[o + 1] = FMath.clamp(s.hand[v + 1], Observation.HAND_OBS_LOW_Y, Observation.HAND_OBS_HIGH_Y);
        obs[o + 2] = FMath.clamp(s.hand[v + 2], Observation.HAND_OBS_LOW_Z, Observation.HAND_OBS_HIGH_Z);
        obs[o + Observation.OPENNESS] = Gripper.openness(s.gap[i]);
        task.writeObjects(s, i, obs, o + Observation.OBJ1_POS);
        int p = Observation.FRAME * i;
        if (fresh) {
            System.arraycopy(obs, o, obs, o + Observation.PREVIOUS, Observation.FRAME);
        } else {
            System.arraycopy(s.previousFrame, p, obs, o + Observation.PREVIOUS, Observation.FRAME);
        }
        System.arraycopy(obs, o, s.previousFrame, p, Observation.FRAME);
        obs[o + Observation.GOAL] = s.goal[v];
        obs[o + Observation.GOAL + 1] = s.goal[v + 1];
        obs[o + Observation.GOAL + 2] = s.goal[v + 2];
    }
}
