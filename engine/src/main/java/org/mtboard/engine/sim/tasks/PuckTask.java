package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.FreeBody;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * Scene shared by reach, push and pick-place: a puck (radius 0.02, height 0.04) on the table and
 * a goal, sampled together and resampled while their xy distance is below 0.15.
 */
abstract class PuckTask extends Task {
    static final float PUCK_RADIUS = 0.02f;
    static final FreeBody PUCK = new FreeBody(0.0f, PUCK_RADIUS, 0.02f, 0.02f);
    static final float OBJ_LOW_X = -0.1f;
    static final float OBJ_HIGH_X = 0.1f;
    static final float OBJ_LOW_Y = 0.6f;
    static final float OBJ_HIGH_Y = 0.7f;
    static final float OBJ_Z = 0.02f;
    static final float MIN_OBJ_GOAL_XY = 0.15f;
    /** Resampling attempts before the last draw is kept (never reached for these ranges). */
    static final int MAX_RESAMPLES = 64;

    private final float goalLowZ;
    private final float goalHighZ;

    PuckTask(TaskId id, float goalLowZ, float goalHighZ) {
        super(id);
        this.goalLowZ = goalLowZ;
        this.goalHighZ = goalHighZ;
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float ox = 0;
        float oy = 0;
        float gx = 0;
        float gy = 0;
        float gz = 0;
        for (int attempt = 0; attempt < MAX_RESAMPLES; attempt++) {
            ox = random.uniform(OBJ_LOW_X, OBJ_HIGH_X);
            oy = random.uniform(OBJ_LOW_Y, OBJ_HIGH_Y);
            random.nextFloat(); // object z: its range is a single value, but the draw keeps Meta-World's vector layout
            gx = random.uniform(-0.1f, 0.1f);
            gy = random.uniform(0.8f, 0.9f);
            gz = random.uniform(goalLowZ, goalHighZ);
            if (FMath.norm2(ox - gx, oy - gy) >= MIN_OBJ_GOAL_XY) {
                break;
            }
        }
        s.setObj(i, ox, oy, OBJ_Z);
        s.setGoal(i, gx, gy, goalZ(gz));
    }

    /** The goal height actually used (push puts the goal on the table). */
    float goalZ(float sampledZ) {
        return sampledZ;
    }

    @Override
    public float pinchWidth(SimState s, int i) {
        return PUCK.pinchWidth(s, i);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        PUCK.update(s, i, targetGap, dt);
    }

    static float objToGoal(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.obj[v] - s.goal[v], s.obj[v + 1] - s.goal[v + 1], s.obj[v + 2] - s.goal[v + 2]);
    }

    /** Object-to-goal distance at reset: the in-place reward's margin. */
    static float objToGoalAtReset(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.obj0[v] - s.goal[v], s.obj0[v + 1] - s.goal[v + 1], s.obj0[v + 2] - s.goal[v + 2]);
    }

    /** push-v2's caging reward for the puck (r 0.015, pad threshold 0.05, xz 0.005, high density). */
    static float puckCaging(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        return Rewards.cagingHighDensity(s, i, s.obj[v], s.obj[v + 1], s.obj[v + 2],
                s.obj0[v], s.obj0[v + 1], s.obj0[v + 2], 0.015f, 0.05f, 0.005f, gripCommand);
    }

    static float tcpToObj(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.obj[v] - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
    }
}
