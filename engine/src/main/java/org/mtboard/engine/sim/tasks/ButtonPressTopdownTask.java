package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * button-press-topdown-v2 (sawyer_button_press_topdown_v2.py, sawyer_button_press_topdown.xml,
 * buttonbox.xml): press a button on a vertical slide down until the observed point, button body +
 * (0, 0, 0.193), is within 2 cm of the goal height (site hole, box + 0.1): q <= -0.073. Meta-World's
 * joint range [-0.06, 0] cannot reach that; its weld overruns the soft limit until the cap meets
 * the housing (about -0.088), so our limit is -0.09. A spring (stiffness 0.5 toward 0.5, damping
 * 1) returns the button when nothing presses it. The housing is a solid box (its hole is under the
 * cap); the cap, a cylinder of radius 0.043, meets the pads as its bounding box, so open fingers
 * (inner faces 0.044 from the tcp) pass beside it and land on the housing, as in Meta-World.
 */
public final class ButtonPressTopdownTask extends Task {
    static final float Q_MIN = -0.09f;
    static final float Q_MAX = 0.0f;
    /** Observed point above the button body (Meta-World's _get_pos_objects offset). */
    static final float CAP_TOP = 0.193f;
    /** The cap cylinder (buttonbox.xml): centre 0.183 above the box, radius 0.043, half-height 0.011. */
    static final float CAP_CENTER_DZ = 0.183f;
    static final float CAP_HALF_XY = 0.043f;
    static final float CAP_HALF_Z = 0.011f;
    /** The housing's four boxes as one: centre box + (0, 0, -0.012), half (0.12, 0.12, 0.102). */
    static final float HOUSING_DZ = -0.012f;
    static final float HOUSING_HALF_XY = 0.12f;
    static final float HOUSING_HALF_Z = 0.102f;
    static final float SPRING_STIFFNESS = 0.5f;
    static final float SPRING_REF = 0.5f;
    static final float DAMPING = 1.0f;
    static final float GOAL_DZ = 0.1f;
    static final float BOX_Z = 0.115f;
    static final float SUCCESS_DISTANCE = 0.02f;
    /** Site buttonStart, box + (0, 0, 0.1935): the pressed reward's margin is the goal's depth below it. */
    static final float BUTTON_START_DZ = 0.1935f;
    /** The box body's euler (-1.57, 0, 0) as a quaternion, x y z w: the button's orientation. */
    static final float QUAT_X = -0.70682518f;
    static final float QUAT_W = 0.70738827f;

    public ButtonPressTopdownTask() {
        super(TaskId.BUTTON_PRESS_TOPDOWN);
    }

    @Override
    public float handInitY() {
        return 0.4f;
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float bx = random.uniform(-0.1f, 0.1f);
        float by = random.uniform(0.8f, 0.9f);
        s.setFixture(i, bx, by, BOX_Z);
        s.setGoal(i, bx, by, BOX_Z + GOAL_DZ);
        placeCap(s, i);
    }

    static void placeCap(SimState s, int i) {
        int v = 3 * i;
        s.setObj(i, s.fixture[v], s.fixture[v + 1], s.fixture[v + 2] + CAP_TOP + s.joint[i]);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float bx = s.fixture[v];
        float by = s.fixture[v + 1];
        float bz = s.fixture[v + 2];
        // The spring against the damper (the button's mass is negligible): it rises toward its stop.
        float q = Math.min(Q_MAX, s.joint[i] + dt * SPRING_STIFFNESS * (SPRING_REF - s.joint[i]) / DAMPING);
        Contacts.handVsFixedBox(s, i, bx, by, bz + HOUSING_DZ, HOUSING_HALF_XY, HOUSING_HALF_XY, HOUSING_HALF_Z);
        q = Contacts.handVsSlidingBox(s, i, bx, by, bz + CAP_CENTER_DZ + q, CAP_HALF_XY, CAP_HALF_XY, CAP_HALF_Z,
                2, q, Q_MIN, Q_MAX);
        s.joint[i] = q;
        placeCap(s, i);
    }

    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        obs[off + 3] = QUAT_X;
        obs[off + 6] = QUAT_W;
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return Math.abs(s.goal[3 * i + 2] - s.obj[3 * i + 2]) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float tcpToObj = FMath.norm3(s.obj[v] - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float margin = FMath.norm3(s.obj[v] - s.hand0[v], s.obj[v + 1] - s.hand0[v + 1], s.obj[v + 2] - tcp0Z);
        float near = Rewards.longTail(tcpToObj, 0.0f, 0.01f, margin);
        float openness = Gripper.openness(s.gap[i]);
        float reward = 5.0f * Rewards.hamacher(1.0f - openness, near);
        if (tcpToObj <= 0.03f) {
            float pressed = Rewards.longTail(Math.abs(s.goal[v + 2] - s.obj[v + 2]), 0.0f, 0.005f,
                    Math.abs(s.goal[v + 2] - (s.fixture[v + 2] + BUTTON_START_DZ)));
            reward += 5.0f * pressed;
        }
        return reward;
    }

    @Override
    public ExpertPolicy expert() {
        return new ButtonPressTopdownExpert();
    }
}
