package org.mtboard.engine.sim;

import org.mtboard.engine.rng.CounterRandom;

/**
 * One Meta-World task: how its scene is sampled at reset, how the scene reacts to the pads in a
 * substep, what the observation shows of it, and its success condition and dense reward. A task
 * holds no per-env state; everything lives in {@link SimState}. Tasks are unbatched: the vector
 * env loops over envs and calls these per env.
 */
public abstract class Task {
    private final TaskId id;

    protected Task(TaskId id) {
        this.id = id;
    }

    public final TaskId id() {
        return id;
    }

    /** Hand start position (Meta-World hand_init_pos). */
    public float handInitX() {
        return 0.0f;
    }

    public float handInitY() {
        return 0.6f;
    }

    public float handInitZ() {
        return 0.2f;
    }

    /**
     * Samples this episode's scene from the reset stream: fixture, goal, object and joint. The
     * hand, fingers and bookkeeping are already reset.
     */
    public abstract void reset(SimState s, int i, CounterRandom random);

    /** Width of whatever lies between the pads, where closing fingers stop; 0 if nothing. */
    public float pinchWidth(SimState s, int i) {
        return 0.0f;
    }

    /** Scene response to one substep of hand and finger motion. */
    public abstract void interact(SimState s, int i, float targetGap, float dt);

    /**
     * Writes obj1 position, obj1 quat xyzw, obj2 position and obj2 quat (14 floats) at
     * obs[off..off+13]. Default: obj1 at {@code s.obj} with identity orientation, no second
     * object (zeros).
     */
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        int v = 3 * i;
        obs[off] = s.obj[v];
        obs[off + 1] = s.obj[v + 1];
        obs[off + 2] = s.obj[v + 2];
        obs[off + 3] = 0.0f;
        obs[off + 4] = 0.0f;
        obs[off + 5] = 0.0f;
        obs[off + 6] = 1.0f;
        for (int k = 7; k < 14; k++) {
            obs[off + k] = 0.0f;
        }
    }

    public abstract boolean isSuccess(SimState s, int i);

    /** Meta-World v2 dense shaping in [0, 10]; the env replaces it with 10 on success steps. */
    public abstract float shapedReward(SimState s, int i, float gripCommand);

    /** The task's scripted expert, reading only the observation like Meta-World's policies. */
    public abstract ExpertPolicy expert();

    @Override
    public String toString() {
        return id.name();
    }
}
