package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * door-open-v2: a door on a vertical hinge at root + (-0.185, -0.1, 0), angle q in [-2, 0]
 * (0 closed; negative swings it toward the robot). In the hinge frame the panel runs along +x to
 * 0.37 and the grip bar runs along x from 0.305 to 0.455 at y = -0.12, standing off the panel;
 * the handle (obj1) is the grip's centre (0.376, -0.107). Goal = root + (-0.3, -0.45, 0), the
 * handle's position when open 90 degrees; success is |handle_x - goal_x| <= 0.08.
 */
public final class DoorOpenTask extends Task {
    static final float Q_MIN = -2.0f;
    static final float Q_MAX = 0.0f;
    static final float HINGE_DX = -0.185f;
    static final float HINGE_DY = -0.1f;
    static final float HANDLE_LOCAL_X = 0.376f;
    static final float HANDLE_LOCAL_Y = -0.107f;
    static final float GRIP_LOCAL_X0 = 0.305f;
    static final float GRIP_LOCAL_X1 = 0.455f;
    static final float GRIP_LOCAL_Y = -0.12f;
    static final float GRIP_RADIUS = 0.02f;
    static final float PANEL_LENGTH = 0.37f;
    static final float PANEL_RADIUS = 0.01f;
    static final float PANEL_HALF_HEIGHT = 0.123f;
    static final float GOAL_DX = -0.3f;
    static final float GOAL_DY = -0.45f;
    static final float SUCCESS_DISTANCE = 0.08f;

    public DoorOpenTask() {
        super(TaskId.DOOR_OPEN);
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float rx = random.uniform(0.0f, 0.1f);
        float ry = random.uniform(0.85f, 0.95f);
        float rz = 0.15f;
        s.setFixture(i, rx, ry, rz);
        s.setGoal(i, rx + GOAL_DX, ry + GOAL_DY, rz);
        s.joint[i] = 0.0f;
        placeHandle(s, i, 1.0f, 0.0f);
    }

    private static void placeHandle(SimState s, int i, float cosQ, float sinQ) {
        int v = 3 * i;
        float hingeX = s.fixture[v] + HINGE_DX;
        float hingeY = s.fixture[v + 1] + HINGE_DY;
        s.setObj(i, hingeX + cosQ * HANDLE_LOCAL_X - sinQ * HANDLE_LOCAL_Y,
                hingeY + sinQ * HANDLE_LOCAL_X + cosQ * HANDLE_LOCAL_Y, s.fixture[v + 2]);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float hingeX = s.fixture[v] + HINGE_DX;
        float hingeY = s.fixture[v + 1] + HINGE_DY;
        float z = s.fixture[v + 2];
        float q = s.joint[i];
        q = Contacts.handVsSwingingCapsule(s, i, hingeX, hingeY, FMath.cos(q), FMath.sin(q),
                GRIP_LOCAL_X0, GRIP_LOCAL_Y, GRIP_LOCAL_X1, GRIP_LOCAL_Y, GRIP_RADIUS,
                z - GRIP_RADIUS, z + GRIP_RADIUS, q, Q_MIN, Q_MAX);
        q = Contacts.handVsSwingingCapsule(s, i, hingeX, hingeY, FMath.cos(q), FMath.sin(q),
                0.0f, 0.0f, PANEL_LENGTH, 0.0f, PANEL_RADIUS,
                z - PANEL_HALF_HEIGHT, z + PANEL_HALF_HEIGHT, q, Q_MIN, Q_MAX);
        s.joint[i] = q;
        placeHandle(s, i, FMath.cos(q), FMath.sin(q));
    }

    /** Handle orientation: rotation by q about z, as xyzw. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        float half = 0.5f * s.joint[i];
        obs[off + 5] = FMath.sin(half);
        obs[off + 6] = FMath.cos(half);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return Math.abs(s.obj[3 * i] - s.goal[3 * i]) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float hx = s.hand[v];
        float hy = s.hand[v + 1];
        float hz = s.hand[v + 2];
        // Meta-World shifts the handle 5 cm along -x before measuring the funnel and the hook offset.
        float doorX = s.obj[v] - 0.05f;
        float doorY = s.obj[v + 1];
        float doorZ = s.obj[v + 2];
        float threshold = 0.12f;
        float radius = FMath.norm2(hx - doorX, hy - doorY);
        float floor = radius <= threshold ? 0.0f : 0.04f * FMath.log(radius - threshold) + 0.4f;
        float aboveFloor = hz >= floor ? 1.0f : Rewards.longTail(floor - hz, 0.0f, 0.01f, 0.5f * floor);
        float inPlace = Rewards.longTail(FMath.norm3(hx - doorX - 0.05f, hy - doorY - 0.03f, hz - doorZ + 0.01f),
                0.0f, 0.5f * threshold, 0.5f);
        float ready = Rewards.hamacher(aboveFloor, inPlace);
        float theta = s.joint[i];
        float opened = (theta < -FMath.PI / 90.0f ? 0.2f : 0.0f)
                + 0.8f * Rewards.longTail(FMath.HALF_PI + FMath.PI / 6.0f + theta, 0.0f, 0.5f, FMath.PI / 3.0f);
        float grabEffort = 0.5f * (FMath.clamp(gripCommand, -1.0f, 1.0f) + 1.0f);
        return 2.0f * Rewards.hamacher(ready, grabEffort) + 8.0f * opened;
    }

    @Override
    public ExpertPolicy expert() {
        return new DoorOpenExpert();
    }
}
