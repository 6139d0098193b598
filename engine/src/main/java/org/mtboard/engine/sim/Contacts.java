package org.mtboard.engine.sim;

import static org.mtboard.engine.sim.Gripper.PAD_HALF_X;
import static org.mtboard.engine.sim.Gripper.PAD_HALF_Z;
import static org.mtboard.engine.sim.Gripper.PAD_THICKNESS;

/**
 * Position-level contact resolution between the finger pads and the scene, one pad at a time.
 * Tabletop manipulation is quasi-static (0.01 m per step at most), so contacts are resolved by
 * moving the lighter side out of penetration: the hand out of fixed geometry, a joint along its
 * axis when the push is along that axis, a resting free object sideways.
 */
public final class Contacts {
    /** Radius of a pad's footprint when it meets round geometry (door grip and panel). */
    public static final float PAD_RADIUS = 0.01f;
    private static final float HALF_PAD_THICKNESS = 0.5f * PAD_THICKNESS;
    /** Axis value for a box that no joint carries. */
    private static final int NO_JOINT = -1;

    private Contacts() {
    }

    private static float sign(float d) {
        return d >= 0.0f ? 1.0f : -1.0f;
    }

    /**
     * Broad phase: whether either pad's box overlaps the axis-aligned region [lo, hi], so a fixture
     * can skip its parts while the hand is elsewhere.
     */
    public static boolean padsNear(SimState s, int i, float loX, float hiX, float loY, float hiY, float loZ, float hiZ) {
        int v = 3 * i;
        float reachY = 0.5f * s.gap[i] + PAD_THICKNESS;
        float tcpZ = s.hand[v + 2] - Gripper.TCP_OFFSET;
        return s.hand[v] + PAD_HALF_X > loX && s.hand[v] - PAD_HALF_X < hiX
                && s.hand[v + 1] + reachY > loY && s.hand[v + 1] - reachY < hiY
                && tcpZ + Gripper.PAD_TOP > loZ && tcpZ + Gripper.PAD_BOTTOM < hiZ;
    }

    /** Pushes the hand out of a fixed box (centre c, half-extents e) along its axis of least penetration. */
    public static void handVsFixedBox(SimState s, int i, float cx, float cy, float cz, float ex, float ey, float ez) {
        handVsSlidingBox(s, i, cx, cy, cz, ex, ey, ez, NO_JOINT, 0.0f, 0.0f, 0.0f);
    }

    /**
     * Pads against a box carried by a prismatic joint along world axis {@code axis} (0 x, 1 y,
     * 2 z; the joint value grows along +axis; NO_JOINT for fixed geometry). A push along the axis
     * moves the joint within its limits and the hand takes the rest; a push across it stops the hand.
     *
     * @return the new joint value
     */
    public static float handVsSlidingBox(SimState s, int i, float cx, float cy, float cz,
                                         float ex, float ey, float ez, int axis,
                                         float q, float qMin, float qMax) {
        // Neither pad can reach the box: the common case, decided in a method small enough to inline
        // at every call site before the per-pad tests.
        if (!padsCanTouch(s, i, cx, cy, cz, ex, ey, ez)) {
            return q;
        }
        return resolveSlidingBox(s, i, cx, cy, cz, ex, ey, ez, axis, q, qMin, qMax, PADS);
    }

    /**
     * The gripper base (Gripper.BASE_*) against a box on a prismatic joint, resolved as a pad is.
     * Only the parts that Meta-World's own policies push with the base meet it (the window bar).
     */
    public static float gripperBaseVsSlidingBox(SimState s, int i, float cx, float cy, float cz,
                                                float ex, float ey, float ez, int axis,
                                                float q, float qMin, float qMax) {
        int v = 3 * i;
        if (Math.abs(s.hand[v] + Gripper.BASE_DX - cx) >= Gripper.BASE_HALF_X + ex
                || Math.abs(s.hand[v + 2] + Gripper.BASE_DZ - cz) >= Gripper.BASE_HALF_Z + ez
                || Math.abs(s.hand[v + 1] - cy) >= Gripper.BASE_HALF_Y + ey) {
            return q;
        }
        return resolveSlidingBox(s, i, cx, cy, cz, ex, ey, ez, axis, q, qMin, qMax, BASE);
    }

    private static final int PADS = 0;
    private static final int BASE = 1;

    private static boolean padsCanTouch(SimState s, int i, float cx, float cy, float cz, float ex, float ey, float ez) {
        int v = 3 * i;
        return Math.abs(s.hand[v] - cx) < PAD_HALF_X + ex
                && Math.abs(Gripper.padCenterZ(s, i) - cz) < PAD_HALF_Z + ez
                && Math.abs(s.hand[v + 1] - cy) < 0.5f * s.gap[i] + PAD_THICKNESS + ey;
    }

    /** Resolves each collider of the hand (the two pads, or the base) against the box in turn. */
    private static float resolveSlidingBox(SimState s, int i, float cx, float cy, float cz,
                                           float ex, float ey, float ez, int axis,
                                           float q, float qMin, float qMax, int colliders) {
        int v = 3 * i;
        boolean base = colliders == BASE;
        for (int side = base ? 1 : -1; side <= 1; side += 2) {
            float dx;
            float dy;
            float dz;
            float ox;
            float oy;
            float oz;
            if (base) {
                dx = s.hand[v] + Gripper.BASE_DX - cx;
                dy = s.hand[v + 1] - cy;
                dz = s.hand[v + 2] + Gripper.BASE_DZ - cz;
                ox = Gripper.BASE_HALF_X + ex - Math.abs(dx);
                oy = Gripper.BASE_HALF_Y + ey - Math.abs(dy);
                oz = Gripper.BASE_HALF_Z + ez - Math.abs(dz);
            } else {
                dx = s.hand[v] - cx;
                dy = Gripper.padCenterY(s, i, side) - cy;
                dz = Gripper.padCenterZ(s, i) - cz;
                ox = PAD_HALF_X + ex - Math.abs(dx);
                oy = HALF_PAD_THICKNESS + ey - Math.abs(dy);
                oz = PAD_HALF_Z + ez - Math.abs(dz);
            }
            if (ox <= 0.0f || oy <= 0.0f || oz <= 0.0f) {
                continue;
            }
            int k;
            float pen;
            float dir;
            if (ox <= oy && ox <= oz) {
                k = 0;
                pen = ox;
                dir = sign(dx);
            } else if (oy <= oz) {
                k = 1;
                pen = oy;
                dir = sign(dy);
            } else {
                k = 2;
                pen = oz;
                dir = sign(dz);
            }
            if (k == axis) {
                float wanted = -dir * pen;
                float next = FMath.clamp(q + wanted, qMin, qMax);
                float applied = next - q;
                q = next;
                if (k == 0) {
                    cx += applied;
                } else if (k == 1) {
                    cy += applied;
                } else {
                    cz += applied;
                }
                s.hand[v + k] -= wanted - applied;
            } else {
                s.hand[v + k] += dir * pen;
            }
        }
        return q;
    }

    /**
     * Pads against a vertical round bar (radius r over [zLo, zHi], axis at (cx, cy)) carried by a
     * slide along x. Each pad, a box, is pushed out along the normal from the bar's axis to the
     * pad's nearest point, so a pad that meets the bar off its centre line slides around it, as on
     * Meta-World's capsule; the push's x part moves the joint (within its limits) and the hand
     * takes the rest.
     *
     * @return the new joint value
     */
    public static float handVsSlidingRod(SimState s, int i, float cx, float cy, float r, float zLo, float zHi,
                                         float q, float qMin, float qMax) {
        int v = 3 * i;
        float padZ = Gripper.padCenterZ(s, i);
        if (padZ + PAD_HALF_Z <= zLo || padZ - PAD_HALF_Z >= zHi
                || Math.abs(s.hand[v] - cx) >= PAD_HALF_X + r
                || Math.abs(s.hand[v + 1] - cy) >= 0.5f * s.gap[i] + PAD_THICKNESS + r) {
            return q;
        }
        for (int side = -1; side <= 1; side += 2) {
            float px = s.hand[v];
            float py = Gripper.padCenterY(s, i, side);
            float dx = FMath.clamp(cx, px - PAD_HALF_X, px + PAD_HALF_X) - cx;
            float dy = FMath.clamp(cy, py - HALF_PAD_THICKNESS, py + HALF_PAD_THICKNESS) - cy;
            float dist = FMath.norm2(dx, dy);
            float nx;
            float ny;
            float pen;
            if (dist > 1e-6f) {
                if (dist >= r) {
                    continue;
                }
                nx = dx / dist;
                ny = dy / dist;
                pen = r - dist;
            } else {
                // The axis inside the pad: out along the pad's thin direction.
                nx = 0.0f;
                ny = sign(py - cy);
                pen = r + HALF_PAD_THICKNESS - Math.abs(py - cy);
            }
            float wanted = -nx * pen;
            float next = FMath.clamp(q + wanted, qMin, qMax);
            float moved = next - q;
            q = next;
            cx += moved;
            // What the bar's motion did not separate along the normal, the hand does.
            float rest = pen + moved * nx;
            s.hand[v] += nx * rest;
            s.hand[v + 1] += ny * rest;
        }
        return q;
    }

    /**
     * Pads against a capsule fixed to a revolute joint about a vertical axis through the hinge.
     * The capsule runs from local (ax, ay) to (bx, by) in the joint frame at angle q (cosQ, sinQ),
     * radius r, heights [zLo, zHi]. The push is linearised per substep: the joint turns by the
     * penetration over the contact point's lever, the hand takes what the joint cannot.
     *
     * @return the new joint value
     */
    public static float handVsSwingingCapsule(SimState s, int i, float hingeX, float hingeY,
                                              float cosQ, float sinQ, float ax, float ay, float bx, float by,
                                              float r, float zLo, float zHi, float q, float qMin, float qMax) {
        int v = 3 * i;
        float padZ = Gripper.padCenterZ(s, i);
        if (padZ + PAD_HALF_Z <= zLo || padZ - PAD_HALF_Z >= zHi) {
            return q;
        }
        float wax = hingeX + cosQ * ax - sinQ * ay;
        float way = hingeY + sinQ * ax + cosQ * ay;
        float wbx = hingeX + cosQ * bx - sinQ * by;
        float wby = hingeY + sinQ * bx + cosQ * by;
        float sx = wbx - wax;
        float sy = wby - way;
        float lengthSq = sx * sx + sy * sy;
        float reach = PAD_RADIUS + r;
        for (int side = -1; side <= 1; side += 2) {
            float px = s.hand[v];
            float py = Gripper.padCenterY(s, i, side);
            float t = FMath.clamp(((px - wax) * sx + (py - way) * sy) / lengthSq, 0.0f, 1.0f);
            float contactX = wax + t * sx;
            float contactY = way + t * sy;
            float dx = px - contactX;
            float dy = py - contactY;
            float dist = FMath.norm2(dx, dy);
            if (dist >= reach) {
                continue;
            }
            float nx;
            float ny;
            if (dist > 1e-6f) {
                nx = dx / dist;
                ny = dy / dist;
            } else {
                nx = sinQ;
                ny = -cosQ;
            }
            float pen = reach - dist;
            // Velocity of the contact point per unit joint angle, projected on the push direction (-n).
            float leverSpeed = (contactY - hingeY) * nx - (contactX - hingeX) * ny;
            float moved = 0.0f;
            if (Math.abs(leverSpeed) > 0.02f) {
                float wanted = FMath.clamp(pen / leverSpeed, -0.1f, 0.1f);
                float next = FMath.clamp(q + wanted, qMin, qMax);
                moved = (next - q) * leverSpeed;
                q = next;
            }
            float rest = pen - moved;
            if (rest > 0.0f) {
                s.hand[v] += nx * rest;
                s.hand[v + 1] += ny * rest;
            }
        }
        return q;
    }

    /**
     * Pads push a resting free object (a segment along x of half-length halfLen, radius r,
     * half-height hz, centred at obj) sideways; a pad pressing on it from above is held up instead,
     * since the table carries the object.
     */
    public static void padsVsFreeObject(SimState s, int i, float halfLen, float r, float hz) {
        int v = 3 * i;
        float padZ = Gripper.padCenterZ(s, i);
        for (int side = -1; side <= 1; side += 2) {
            float ox = s.obj[v];
            float oy = s.obj[v + 1];
            float oz = s.obj[v + 2];
            float zOverlap = Math.min(padZ + PAD_HALF_Z - (oz - hz), oz + hz - (padZ - PAD_HALF_Z));
            if (zOverlap <= 0.0f) {
                continue;
            }
            float px = s.hand[v];
            float py = Gripper.padCenterY(s, i, side);
            float segX = FMath.clamp(px, ox - halfLen, ox + halfLen);
            float nearX = FMath.clamp(segX, px - PAD_HALF_X, px + PAD_HALF_X);
            float nearY = FMath.clamp(oy, py - HALF_PAD_THICKNESS, py + HALF_PAD_THICKNESS);
            float dx = segX - nearX;
            float dy = oy - nearY;
            float dist = FMath.norm2(dx, dy);
            float nx;
            float ny;
            float pen;
            if (dist > 1e-6f) {
                if (dist >= r) {
                    continue;
                }
                nx = dx / dist;
                ny = dy / dist;
                pen = r - dist;
            } else {
                nx = 0.0f;
                ny = sign(oy - py);
                pen = r + HALF_PAD_THICKNESS - Math.abs(oy - py);
            }
            if (padZ > oz && zOverlap < pen) {
                s.hand[v + 2] += zOverlap;
                padZ += zOverlap;
            } else {
                s.obj[v] += nx * pen;
                s.obj[v + 1] += ny * pen;
            }
        }
    }
}
