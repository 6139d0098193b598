package org.mtboard.engine.sim;

/**
 * A translation-only free object (puck, peg): a segment along world x of half-length halfLen
 * and radius r (its width across the fingers is 2r), resting at restZ. It is pushed by the pads,
 * squeezed to the centre and grasped when the closing fingers hold it, carried rigidly, and
 * falls under gravity when released.
 */
public final class FreeBody {
    public static final float GRAVITY = 9.81f;
    /** Commanding the fingers this much wider than the object releases it. */
    private static final float RELEASE_SLACK = 0.002f;
    private static final float GRASP_TOLERANCE = 1e-4f;
    /** How far past the pads' edge, in radii, the fingers still close on a round end. */
    private static final float GRIP_EDGE = 0.5f;

    public final float halfLen;
    public final float radius;
    public final float halfHeight;
    public final float restZ;

    public FreeBody(float halfLen, float radius, float halfHeight, float restZ) {
        this.halfLen = halfLen;
        this.radius = radius;
        this.halfHeight = halfHeight;
        this.restZ = restZ;
    }

    /**
     * Width of the object across the fingers where the pads (half-width PAD_HALF_X in x, centred
     * at the hand) meet it, for the hand dx from its centre along x: 2r along its segment, the
     * chord of its round end beyond.
     */
    float widthAt(float dx) {
        float beyond = Math.abs(dx) - halfLen - Gripper.PAD_HALF_X;
        if (beyond <= 0.0f) {
            return 2.0f * radius;
        }
        return 2.0f * FMath.sqrt(Math.max(0.0f, radius * radius - beyond * beyond));
    }

    /**
     * Whether the object lies between the two pads, overlapping them in z and in x up to half its
     * radius past the pads' edge (a pad that meets only the rim of a round end pushes it instead).
     * Fingers already closed narrower than the object there cannot straddle it (they meet it),
     * unless they hold it.
     */
    public boolean betweenPads(SimState s, int i) {
        int v = 3 * i;
        float dx = s.obj[v] - s.hand[v];
        return Math.abs(dx) < halfLen + Gripper.PAD_HALF_X + GRIP_EDGE * radius
                && Math.abs(s.obj[v + 1] - s.hand[v + 1]) < 0.5f * s.gap[i]
                && Math.abs(s.obj[v + 2] - Gripper.padCenterZ(s, i)) < halfHeight + Gripper.PAD_HALF_Z
                && (s.grasped[i] != 0 || widthAt(dx) <= s.gap[i] + GRASP_TOLERANCE);
    }

    /** Width the closing fingers stop at: the object's where they hold or straddle it, else 0. */
    public float pinchWidth(SimState s, int i) {
        int v = 3 * i;
        if (s.grasped[i] != 0) {
            return widthAt(s.graspOffset[v]);
        }
        return betweenPads(s, i) ? widthAt(s.obj[v] - s.hand[v]) : 0.0f;
    }

    /** One substep of the object's motion, after the hand and fingers have moved. */
    public void update(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        if (s.grasped[i] != 0) {
            if (targetGap > widthAt(s.graspOffset[v]) + RELEASE_SLACK) {
                s.grasped[i] = 0;
            } else {
                s.obj[v] = s.hand[v] + s.graspOffset[v];
                s.obj[v + 1] = s.hand[v + 1];
                s.obj[v + 2] = s.hand[v + 2] + s.graspOffset[v + 2];
                if (s.obj[v + 2] < restZ) {
                    // The table carries a held object too: it lifts the hand rather than sink.
                    s.hand[v + 2] += restZ - s.obj[v + 2];
                    s.obj[v + 2] = restZ;
                }
                keepInsideWalls(s, i);
                return;
            }
        }
        if (betweenPads(s, i)) {
            float width = widthAt(s.obj[v] - s.hand[v]);
            float room = 0.5f * (s.gap[i] - width);
            float hy = s.hand[v + 1];
            s.obj[v + 1] = room > 0.0f ? FMath.clamp(s.obj[v + 1], hy - room, hy + room) : hy;
            if (s.gap[i] <= width + GRASP_TOLERANCE && targetGap < width) {
                s.grasped[i] = 1;
                s.objVz[i] = 0.0f;
                s.obj[v + 1] = hy;
                s.graspOffset[v] = s.obj[v] - s.hand[v];
                s.graspOffset[v + 1] = 0.0f;
                s.graspOffset[v + 2] = s.obj[v + 2] - s.hand[v + 2];
                return;
            }
        } else {
            Contacts.padsVsFreeObject(s, i, halfLen, radius, halfHeight);
        }
        fall(s, i, dt);
        keepInsideWalls(s, i);
    }

    /**
     * The table's retaining walls (Scene) keep an object below their top inside them; a held
     * object stops the hand with it.
     */
    private void keepInsideWalls(SimState s, int i) {
        int v = 3 * i;
        if (s.obj[v + 2] - halfHeight >= Scene.WALL_TOP) {
            return;
        }
        float reachX = halfLen + radius;
        float dx = FMath.clamp(s.obj[v], -Scene.WALL_INNER_X + reachX, Scene.WALL_INNER_X - reachX) - s.obj[v];
        float dy = FMath.clamp(s.obj[v + 1], Scene.WALL_FRONT_Y + radius, Scene.WALL_BACK_Y - radius) - s.obj[v + 1];
        s.obj[v] += dx;
        s.obj[v + 1] += dy;
        if (s.grasped[i] != 0) {
            s.hand[v] += dx;
            s.hand[v + 1] += dy;
        }
    }

    private void fall(SimState s, int i, float dt) {
        int v = 3 * i;
        if (s.obj[v + 2] <= restZ && s.objVz[i] == 0.0f) {
            return;
        }
        float vz = s.objVz[i] - GRAVITY * dt;
        float z = s.obj[v + 2] + vz * dt;
        if (z <= restZ) {
            z = restZ;
            vz = 0.0f;
        }
        s.obj[v + 2] = z;
        s.objVz[i] = vz;
    }
}
