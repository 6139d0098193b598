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
 * door-open-v2 (sawyer_door_v2.py, sawyer_door_pull.xml, doorlockB.xml): a door on a vertical hinge
 * at root + (-0.185, -0.1, 0), angle q in [-2, 0] (0 closed; negative swings it toward the robot),
 * closing the front of a safe. In the hinge frame the panel spans x 0.005..0.365; the handle is a
 * base disc on the panel, a stem out to y -0.112 and a grip along x at y -0.12. The observed
 * handle (obj1) is the handle mesh geom's centre, local (0.3757, -0.1071). Goal = root + (-0.3,
 * -0.45, 0); success is |handle_x - goal_x| <= 0.08, i.e. q in [-1.816, -1.383]. The safe's walls
 * (sides, top, bottom, back) enclose the panel's back, so the door opens only by its handle.
 */
public final class DoorOpenTask extends Task {
    static final float Q_MIN = -2.0f;
    static final float Q_MAX = 0.0f;
    static final float HINGE_DX = -0.185f;
    static final float HINGE_DY = -0.1f;
    /**
     * Centre of the handle mesh (door_handle.stl) in the hinge frame, as MuJoCo 2's legacy mesh
     * inertia places a mesh geom (volume-weighted centroid of tetrahedra from the surface
     * centroid, absolute volumes): (0.3757, -0.1071, 0). The XML pos (0.325, -0.062) is the mesh's
     * origin, not its geom centre.
     */
    static final float HANDLE_LOCAL_X = 0.37572163f;
    static final float HANDLE_LOCAL_Y = -0.10713990f;
    /**
     * The handle geom's orientation at q = 0, x y z w: MuJoCo aligns a mesh geom's frame with the
     * mesh's principal axes (largest inertia first), here composed with the geom's euler (1.57, 0,
     * 0). Read from v2.0.0's XML compiled by MuJoCo 2.2.2, whose legacy mesh processing gives the
     * same centre as above; the axes agree with door_handle.stl's inertia computed independently.
     */
    static final float HANDLE_QUAT_X = 0.69075850f;
    static final float HANDLE_QUAT_Y = -0.15062097f;
    static final float HANDLE_QUAT_Z = 0.69087866f;
    static final float HANDLE_QUAT_W = 0.15117109f;
    /** The grip's axis in the hinge frame, and its two cylinders' x spans and radii (doorlockB.xml). */
    static final float GRIP_Y = -0.12f;
    static final float GRIP_THICK_LO = 0.341f;
    static final float GRIP_THICK_HI = 0.449f;
    static final float GRIP_THICK_RADIUS = 0.023f;
    static final float GRIP_THIN_LO = 0.306f;
    static final float GRIP_THIN_HI = 0.456f;
    static final float GRIP_THIN_RADIUS = 0.019f;
    static final float GOAL_DX = -0.3f;
    static final float GOAL_DY = -0.45f;
    static final float SUCCESS_DISTANCE = 0.08f;
    /**
     * Beyond this distance of the hand from the hinge no pad can touch any part of the door: the
     * grip's far end (0.456 + 0.023 from the hinge), plus the pads' reach from the hand (open half
     * gap 0.044 + thickness 0.009, half-width 0.015) and their 0.01 footprint, rounded up.
     */
    private static final float DOOR_REACH = 0.56f;

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

    static void placeHandle(SimState s, int i, float cosQ, float sinQ) {
        int v = 3 * i;
        float hingeX = s.fixture[v] + HINGE_DX;
        float hingeY = s.fixture[v + 1] + HINGE_DY;
        s.setObj(i, hingeX + cosQ * HANDLE_LOCAL_X - sinQ * HANDLE_LOCAL_Y,
                hingeY + sinQ * HANDLE_LOCAL_X + cosQ * HANDLE_LOCAL_Y, s.fixture[v + 2]);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float rx = s.fixture[v];
        float ry = s.fixture[v + 1];
        float rz = s.fixture[v + 2];
        if (Contacts.padsNear(s, i, rx - 0.22f, rx + 0.22f, ry - 0.106f, ry + 0.106f, rz - 0.15f, rz + 0.15f)) {
            // The safe (doorlockB's fixed walls), open at the front where the door closes it.
            Contacts.handVsFixedBox(s, i, rx - 0.204f, ry, rz, 0.016f, 0.106f, 0.15f);
            Contacts.handVsFixedBox(s, i, rx + 0.204f, ry, rz, 0.016f, 0.106f, 0.15f);
            Contacts.handVsFixedBox(s, i, rx, ry, rz + 0.138f, 0.188f, 0.106f, 0.012f);
            Contacts.handVsFixedBox(s, i, rx, ry, rz - 0.138f, 0.189f, 0.106f, 0.012f);
            Contacts.handVsFixedBox(s, i, rx, ry + 0.094f, rz, 0.188f, 0.012f, 0.126f);
        }
        float hingeX = rx + HINGE_DX;
        float hingeY = ry + HINGE_DY;
        if (FMath.norm2(s.hand[v] - hingeX, s.hand[v + 1] - hingeY) > DOOR_REACH) {
            return;
        }
        // door_link's collision geoms; cylinders along x as capsules within their length, a box as a
        // capsule. The angle's cosine and sine, and the hand in the door's frame, are recomputed only
        // when a part has turned the door.
        float q = s.joint[i];
        float cosQ = FMath.cos(q);
        float sinQ = FMath.sin(q);
        // No point of a pad's footprint is farther than this from the hand centre in any direction
        // (1 mm spare, so rounding in the frame change never skips a contact).
        float padReach = 0.5f * s.gap[i] + 0.5f * Gripper.PAD_THICKNESS + Contacts.PAD_RADIUS + 0.001f;
        float localX = cosQ * (s.hand[v] - hingeX) + sinQ * (s.hand[v + 1] - hingeY);
        float localY = cosQ * (s.hand[v + 1] - hingeY) - sinQ * (s.hand[v] - hingeX);
        for (int part = 0; part < PARTS.length; part++) {
            float[] p = PARTS[part];
            float reach = padReach + p[4];
            if (localX < Math.min(p[0], p[2]) - reach || localX > Math.max(p[0], p[2]) + reach
                    || localY < Math.min(p[1], p[3]) - reach || localY > Math.max(p[1], p[3]) + reach) {
                continue;
            }
            float turned = Contacts.handVsSwingingCapsule(s, i, hingeX, hingeY, cosQ, sinQ, p[0], p[1], p[2], p[3], p[4],
                    rz - p[5], rz + p[5], q, Q_MIN, Q_MAX);
            if (turned != q) {
                q = turned;
                cosQ = FMath.cos(q);
                sinQ = FMath.sin(q);
            }
            localX = cosQ * (s.hand[v] - hingeX) + sinQ * (s.hand[v + 1] - hingeY);
            localY = cosQ * (s.hand[v + 1] - hingeY) - sinQ * (s.hand[v] - hingeX);
        }
        s.joint[i] = q;
        placeHandle(s, i, cosQ, sinQ);
    }

    /**
     * door_link's parts in the hinge frame: capsule from (ax, ay) to (bx, by), radius, half-height:
     * the panel, the handle's base disc, its stem, and the grip's two cylinders.
     */
    private static final float[][] PARTS = {
        {0.015f, 0.0f, 0.355f, 0.0f, 0.01f, 0.123f},
        {0.309f, -0.006f, 0.341f, -0.006f, 0.012f, 0.028f},
        {0.325f, -0.018f, 0.325f, -0.112f, 0.013f, 0.013f},
        {0.325f, -0.12f, 0.437f, -0.12f, 0.019f, 0.019f},
        {0.364f, -0.12f, 0.426f, -0.12f, 0.023f, 0.023f},
    };

    /** Handle orientation: the hinge's rotation by q about z composed with the geom's frame at q = 0. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        float half = 0.5f * s.joint[i];
        float sz = FMath.sin(half);
        float cz = FMath.cos(half);
        obs[off + 3] = cz * HANDLE_QUAT_X - sz * HANDLE_QUAT_Y;
        obs[off + 4] = cz * HANDLE_QUAT_Y + sz * HANDLE_QUAT_X;
        obs[off + 5] = cz * HANDLE_QUAT_Z + sz * HANDLE_QUAT_W;
        obs[off + 6] = cz * HANDLE_QUAT_W - sz * HANDLE_QUAT_Z;
    }

    /**
     * Where the grip lies between the pads, the closing fingers stop at it: at the bar's width along
     * y where its axis crosses the pads' line (2r / |cos q|), plus what our disc footprint of a pad
     * reaches inside the finger's face on each side, so the pads touch it without pushing it. A bar
     * turned nearly along y cannot be straddled.
     */
    @Override
    public float pinchWidth(SimState s, int i) {
        int v = 3 * i;
        float q = s.joint[i];
        float cosQ = FMath.cos(q);
        float sinQ = FMath.sin(q);
        if (Math.abs(cosQ) < 0.2f) {
            return 0.0f;
        }
        float hingeX = s.fixture[v] + HINGE_DX;
        float hingeY = s.fixture[v + 1] + HINGE_DY;
        float t = (s.hand[v] - hingeX + sinQ * GRIP_Y) / cosQ;
        float r = t >= GRIP_THICK_LO && t <= GRIP_THICK_HI ? GRIP_THICK_RADIUS
                : (t >= GRIP_THIN_LO && t <= GRIP_THIN_HI ? GRIP_THIN_RADIUS : 0.0f);
        if (r == 0.0f || Math.abs(Gripper.padCenterZ(s, i) - s.fixture[v + 2]) >= r + Gripper.PAD_HALF_Z) {
            return 0.0f;
        }
        float barY = hingeY + sinQ * t + cosQ * GRIP_Y;
        float width = 2.0f * r / Math.abs(cosQ) + 2.0f * (Contacts.PAD_RADIUS - 0.5f * Gripper.PAD_THICKNESS);
        boolean between = Math.abs(barY - s.hand[v + 1]) < 0.5f * s.gap[i] && width <= s.gap[i];
        return between ? width : 0.0f;
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
