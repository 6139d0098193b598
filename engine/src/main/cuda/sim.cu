// MTBoard's batched simulator on the GPU: one thread per env. This is a line-by-line
// transliteration of the Java CPU backend (engine/src/main/java/org/mtboard/engine/sim and
// sim/tasks) with the same float32 operation order, so both backends produce bit-identical
// trajectories. Build without FMA contraction and with IEEE division and sqrt:
//   nvcc -ptx -arch=compute_80 --fmad=false -prec-div=true -prec-sqrt=true sim.cu -o sim.ptx
// Any change to the Java simulator must be mirrored here; `mtboard sim parity` checks it.
// The kernel keeps an env's state in registers (struct Env) for the whole control step.

#include <stdint.h>

// ---- Task catalog indices (TaskId ordinals, frozen since protocol 1) ----------------------------
#define TASK_BUTTON_PRESS_TOPDOWN 4
#define TASK_DOOR_OPEN 15
#define TASK_DRAWER_CLOSE 17
#define TASK_DRAWER_OPEN 18
#define TASK_PEG_INSERT_SIDE 28
#define TASK_PICK_PLACE 31
#define TASK_PUSH 38
#define TASK_REACH 40
#define TASK_WINDOW_CLOSE 48
#define TASK_WINDOW_OPEN 49

#define OBS_SIZE 39
#define FRAME 18
#define EPISODE_LENGTH 150
#define SUBSTEPS 2
#define STREAM_RESET 0

// ---- Gripper (Gripper.java) --------------------------------------------------------------------
#define ACTION_SCALE 0.01f
#define TCP_OFFSET 0.045f
#define OPEN_GAP 0.088f
#define SLIDE_TRAVEL_A 0.04f
#define SLIDE_TRAVEL_B 0.03f
#define MIN_GAP (OPEN_GAP - (SLIDE_TRAVEL_A + SLIDE_TRAVEL_B))
#define SITE_SPAN_EXTRA 0.012f
#define OPENNESS_SCALE 0.1f
#define GAP_RATE 0.025f
#define PAD_HALF_X 0.015f
#define PAD_THICKNESS 0.009f
#define PAD_BODY_INSET 0.003f
#define PAD_BOTTOM 0.0f
#define PAD_TOP 0.09f
#define HAND_LOW_X (-0.5f)
#define HAND_LOW_Y 0.40f
#define HAND_LOW_Z 0.05f
#define HAND_HIGH_X 0.5f
#define HAND_HIGH_Y 1.0f
#define HAND_HIGH_Z 0.5f
#define CONTROL_DT 0.0125f
#define SUCCESS_REWARD 10.0f
#define PAD_RADIUS 0.01f
#define GRAVITY 9.81f

__device__ __forceinline__ float padHalfZ() { return 0.5f * (PAD_TOP - PAD_BOTTOM); }
__device__ __forceinline__ float padCenterZOffset() { return 0.5f * (PAD_TOP + PAD_BOTTOM); }
__device__ __forceinline__ float halfPadThickness() { return 0.5f * PAD_THICKNESS; }

// ---- Philox4x32-10 (rng/Philox.java, rng/CounterRandom.java) --------------------------------------
struct Rng {
    uint32_t seed, stream, task, env, episode, draw;
    int cached;
    uint32_t block[4];
};

__device__ void philox(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1, uint32_t* out) {
    for (int round = 0; round < 10; round++) {
        uint32_t hi0 = __umulhi(0xD2511F53u, c0);
        uint32_t lo0 = 0xD2511F53u * c0;
        uint32_t hi1 = __umulhi(0xCD9E8D57u, c2);
        uint32_t lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

__device__ void rngPosition(Rng* r, uint32_t seed, uint32_t stream, uint32_t task, uint32_t env, uint32_t episode) {
    r->seed = seed; r->stream = stream; r->task = task; r->env = env; r->episode = episode;
    r->draw = 0; r->cached = -1;
}

__device__ float rngFloat(Rng* r) {
    int blockIndex = (int)(r->draw >> 2);
    if (blockIndex != r->cached) {
        philox((uint32_t)blockIndex, r->episode, r->env, r->task, r->seed, r->stream, r->block);
        r->cached = blockIndex;
    }
    uint32_t lane = r->draw & 3u;
    uint32_t bits = lane == 0u ? r->block[0] : lane == 1u ? r->block[1] : lane == 2u ? r->block[2] : r->block[3];
    r->draw++;
    return (float)(bits >> 8) * 5.9604644775390625e-8f;
}

__device__ float rngUniform(Rng* r, float lo, float hi) {
    return lo + (hi - lo) * rngFloat(r);
}

// ---- FMath.java ---------------------------------------------------------------------------------
#define F_PI 3.14159265358979f
#define F_HALF_PI 1.57079632679490f

__device__ __forceinline__ float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }
__device__ __forceinline__ int roundToInt(float v) { return (int)floorf(v + 0.5f); }
__device__ __forceinline__ float norm2(float x, float y) { return sqrtf(x * x + y * y); }
__device__ __forceinline__ float norm3(float x, float y, float z) { return sqrtf(x * x + y * y + z * z); }

__device__ float reduceQuarter(float x, int j) {
    float fj = (float)j;
    return ((x - fj * 1.5703125f) - fj * 4.837512969970703e-4f) - fj * 7.549790126404332e-8f;
}

__device__ float sinPoly(float r) {
    float s = r * r;
    float p = -2.5052108e-8f;
    p = p * s + 2.7557319e-6f;
    p = p * s - 1.9841270e-4f;
    p = p * s + 8.3333333e-3f;
    p = p * s - 1.6666667e-1f;
    return r + r * s * p;
}

__device__ float cosPoly(float r) {
    float s = r * r;
    float p = 2.0876757e-9f;
    p = p * s - 2.7557319e-7f;
    p = p * s + 2.4801587e-5f;
    p = p * s - 1.3888889e-3f;
    p = p * s + 4.1666667e-2f;
    p = p * s - 0.5f;
    return 1.0f + s * p;
}

__device__ float fsin(float x) {
    int j = roundToInt(x * 0.636619772367581f);
    float r = reduceQuarter(x, j);
    switch (j & 3) {
        case 0: return sinPoly(r);
        case 1: return cosPoly(r);
        case 2: return -sinPoly(r);
        default: return -cosPoly(r);
    }
}

__device__ float fcos(float x) {
    int j = roundToInt(x * 0.636619772367581f);
    float r = reduceQuarter(x, j);
    switch (j & 3) {
        case 0: return cosPoly(r);
        case 1: return -sinPoly(r);
        case 2: return -cosPoly(r);
        default: return sinPoly(r);
    }
}

__device__ float fexp(float x) {
    if (x < -87.0f) return 0.0f;
    if (x > 88.0f) x = 88.0f;
    int k = roundToInt(x * 1.44269504088896f);
    float fk = (float)k;
    float r = (x - fk * 0.693145751953125f) - fk * 1.428606765330187e-6f;
    float p = 1.0f / 5040.0f;
    p = p * r + 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    return p * __int_as_float((k + 127) << 23);
}

__device__ float flog(float x) {
    if (!(x > 0.0f)) return __int_as_float(0x7fc00000);
    int bits = __float_as_int(x);
    int e = ((bits >> 23) & 0xFF) - 127;
    float m = __int_as_float((bits & 0x007FFFFF) | 0x3F800000);
    if (m > 1.41421356f) {
        m = m * 0.5f;
        e = e + 1;
    }
    float f = (m - 1.0f) / (m + 1.0f);
    float s = f * f;
    float p = 1.0f / 11.0f;
    p = p * s + 1.0f / 9.0f;
    p = p * s + 1.0f / 7.0f;
    p = p * s + 1.0f / 5.0f;
    p = p * s + 1.0f / 3.0f;
    p = p * s + 1.0f;
    return (float)e * 0.693147180559945f + 2.0f * f * p;
}

// ---- Rewards.java -----------------------------------------------------------------------------------
__device__ float longTail(float x, float lo, float hi, float margin) {
    if (x >= lo && x <= hi) return 1.0f;
    if (margin <= 0.0f) return 0.0f;
    float d = (x < lo ? lo - x : x - hi) / margin * 3.0f;
    return 1.0f / (d * d + 1.0f);
}

__device__ float gaussianTol(float x, float lo, float hi, float margin) {
    if (x >= lo && x <= hi) return 1.0f;
    if (margin <= 0.0f) return 0.0f;
    float d = (x < lo ? lo - x : x - hi) / margin * 2.1459660262893472f;
    return fexp(-0.5f * d * d);
}

__device__ float hamacher(float a, float b) {
    float denominator = a + b - a * b;
    return denominator > 0.0f ? a * b / denominator : 0.0f;
}

// ---- One env's state (SimState.java, per env) -----------------------------------------------------
struct Env {
    float hand[3];
    float gap;
    float hand0[3];
    float obj[3];
    float obj0[3];
    float objVz;
    int grasped;
    float graspOffset[3];
    float joint;
    float fixture[3];
    float goal[3];
    int step;
    int episode;
    float episodeReturn;
    int episodeSuccess;
};

__device__ __forceinline__ float tcpZ(const Env* e) { return e->hand[2] - TCP_OFFSET; }

/** Gripper.targetGap: the gap the fingers are driven toward for grip command a3 (servo targets +-a3 against the slides). */
__device__ float targetGapFor(float a3) {
    float closing = clampf(a3, 0.0f, SLIDE_TRAVEL_A) + clampf(a3, 0.0f, SLIDE_TRAVEL_B);
    return OPEN_GAP - closing;
}

/** Gripper.openness: the openness observation for a gap. */
__device__ float openness(float gap) {
    return clampf((gap + SITE_SPAN_EXTRA) / OPENNESS_SCALE, 0.0f, 1.0f);
}

/** Gripper.padY: y of pad side's body, which the caging rewards read. */
__device__ float padY(const Env* e, int side) {
    return e->hand[1] + (float)side * (0.5f * e->gap + PAD_BODY_INSET);
}

__device__ float padCenterY(const Env* e, int side) {
    return e->hand[1] + (float)side * (0.5f * e->gap + 0.5f * PAD_THICKNESS);
}

__device__ float padCenterZ(const Env* e) {
    return e->hand[2] - TCP_OFFSET + padCenterZOffset();
}

__device__ void clampHandToBox(Env* e) {
    e->hand[0] = clampf(e->hand[0], HAND_LOW_X, HAND_HIGH_X);
    e->hand[1] = clampf(e->hand[1], HAND_LOW_Y, HAND_HIGH_Y);
    e->hand[2] = clampf(e->hand[2], HAND_LOW_Z, HAND_HIGH_Z);
}

__device__ void moveFingers(Env* e, float targetGap, float minGap, float maxChange) {
    float current = e->gap;
    float next = current + clampf(targetGap - current, -maxChange, maxChange);
    if (next < minGap && current >= minGap) next = minGap;
    e->gap = next;
}

// ---- Contacts.java ------------------------------------------------------------------------------------
__device__ __forceinline__ float signOf(float d) { return d >= 0.0f ? 1.0f : -1.0f; }

#define NO_JOINT (-1)

/** Contacts.padsCanTouch: whether either pad can reach the box (the quick reject). */
__device__ __forceinline__ bool padsCanTouch(const Env* e, float cx, float cy, float cz, float ex, float ey, float ez) {
    return fabsf(e->hand[0] - cx) < PAD_HALF_X + ex
        && fabsf(padCenterZ(e) - cz) < padHalfZ() + ez
        && fabsf(e->hand[1] - cy) < 0.5f * e->gap + PAD_THICKNESS + ey;
}

// Gripper.BASE_*: the gripper base above the fingers, as a box relative to the hand.
#define BASE_DX (-0.009f)
#define BASE_DZ 0.066f
#define BASE_HALF_X 0.033f
#define BASE_HALF_Y 0.053f
#define BASE_HALF_Z 0.027f

/** Contacts.resolveSlidingBox: each collider of the hand (the two pads, or the base) against the box in turn. */
__device__ float resolveSlidingBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez,
                                   int axis, float q, float qMin, float qMax, bool base) {
    for (int side = base ? 1 : -1; side <= 1; side += 2) {
        float dx, dy, dz, ox, oy, oz;
        if (base) {
            dx = e->hand[0] + BASE_DX - cx;
            dy = e->hand[1] - cy;
            dz = e->hand[2] + BASE_DZ - cz;
            ox = BASE_HALF_X + ex - fabsf(dx);
            oy = BASE_HALF_Y + ey - fabsf(dy);
            oz = BASE_HALF_Z + ez - fabsf(dz);
        } else {
            dx = e->hand[0] - cx;
            dy = padCenterY(e, side) - cy;
            dz = padCenterZ(e) - cz;
            ox = PAD_HALF_X + ex - fabsf(dx);
            oy = halfPadThickness() + ey - fabsf(dy);
            oz = padHalfZ() + ez - fabsf(dz);
        }
        if (ox <= 0.0f || oy <= 0.0f || oz <= 0.0f) continue;
        int k;
        float pen;
        float dir;
        if (ox <= oy && ox <= oz) {
            k = 0; pen = ox; dir = signOf(dx);
        } else if (oy <= oz) {
            k = 1; pen = oy; dir = signOf(dy);
        } else {
            k = 2; pen = oz; dir = signOf(dz);
        }
        if (k == axis) {
            float wanted = -dir * pen;
            float next = clampf(q + wanted, qMin, qMax);
            float applied = next - q;
            q = next;
            // Explicit components: a dynamic index would put the Env struct in local memory.
            if (k == 0) {
                cx += applied;
                e->hand[0] -= wanted - applied;
            } else if (k == 1) {
                cy += applied;
                e->hand[1] -= wanted - applied;
            } else {
                cz += applied;
                e->hand[2] -= wanted - applied;
            }
        } else if (k == 0) {
            e->hand[0] += dir * pen;
        } else if (k == 1) {
            e->hand[1] += dir * pen;
        } else {
            e->hand[2] += dir * pen;
        }
    }
    return q;
}

__device__ float handVsSlidingBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez,
                                  int axis, float q, float qMin, float qMax) {
    if (!padsCanTouch(e, cx, cy, cz, ex, ey, ez)) return q;
    return resolveSlidingBox(e, cx, cy, cz, ex, ey, ez, axis, q, qMin, qMax, false);
}

/** Contacts.gripperBaseVsSlidingBox: the gripper base against a box on a prismatic joint. */
__device__ float gripperBaseVsSlidingBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez,
                                         int axis, float q, float qMin, float qMax) {
    if (fabsf(e->hand[0] + BASE_DX - cx) >= BASE_HALF_X + ex
            || fabsf(e->hand[2] + BASE_DZ - cz) >= BASE_HALF_Z + ez
            || fabsf(e->hand[1] - cy) >= BASE_HALF_Y + ey) {
        return q;
    }
    return resolveSlidingBox(e, cx, cy, cz, ex, ey, ez, axis, q, qMin, qMax, true);
}

__device__ void handVsFixedBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez) {
    handVsSlidingBox(e, cx, cy, cz, ex, ey, ez, NO_JOINT, 0.0f, 0.0f, 0.0f);
}

/** Contacts.padsNear: broad phase, whether either pad's box overlaps the region [lo, hi]. */
__device__ bool padsNear(const Env* e, float loX, float hiX, float loY, float hiY, float loZ, float hiZ) {
    float reachY = 0.5f * e->gap + PAD_THICKNESS;
    float tcpZv = e->hand[2] - TCP_OFFSET;
    return e->hand[0] + PAD_HALF_X > loX && e->hand[0] - PAD_HALF_X < hiX
        && e->hand[1] + reachY > loY && e->hand[1] - reachY < hiY
        && tcpZv + PAD_TOP > loZ && tcpZv + PAD_BOTTOM < hiZ;
}

// ---- Scene.java ----------------------------------------------------------------------------------------
#define WALL_TOP 0.12f
#define WALL_INNER_X 0.68f
#define WALL_FRONT_Y 0.22f
#define WALL_BACK_Y 0.98f
#define WALL_HALF_THICKNESS 0.01f

/** Scene.interact: the back retaining wall stops the pads. */
__device__ void sceneInteract(Env* e) {
    if (e->hand[1] + 0.5f * e->gap + PAD_THICKNESS <= WALL_BACK_Y) return;
    float cy = WALL_BACK_Y + WALL_HALF_THICKNESS;
    if (padsNear(e, -0.7f, 0.7f, WALL_BACK_Y, cy + WALL_HALF_THICKNESS, 0.0f, WALL_TOP)) {
        handVsFixedBox(e, 0.0f, cy, 0.5f * WALL_TOP, 0.7f, WALL_HALF_THICKNESS, 0.5f * WALL_TOP);
    }
}

/** Contacts.handVsSlidingRod: pads against a vertical round bar on a slide along x; off-centre pads slide round it. */
__device__ float handVsSlidingRod(Env* e, float cx, float cy, float r, float zLo, float zHi, float q, float qMin, float qMax) {
    float padZ = padCenterZ(e);
    if (padZ + padHalfZ() <= zLo || padZ - padHalfZ() >= zHi
            || fabsf(e->hand[0] - cx) >= PAD_HALF_X + r
            || fabsf(e->hand[1] - cy) >= 0.5f * e->gap + PAD_THICKNESS + r) {
        return q;
    }
    for (int side = -1; side <= 1; side += 2) {
        float px = e->hand[0];
        float py = padCenterY(e, side);
        float dx = clampf(cx, px - PAD_HALF_X, px + PAD_HALF_X) - cx;
        float dy = clampf(cy, py - halfPadThickness(), py + halfPadThickness()) - cy;
        float dist = norm2(dx, dy);
        float nx, ny, pen;
        if (dist > 1e-6f) {
            if (dist >= r) continue;
            nx = dx / dist;
            ny = dy / dist;
            pen = r - dist;
        } else {
            nx = 0.0f;
            ny = signOf(py - cy);
            pen = r + halfPadThickness() - fabsf(py - cy);
        }
        float wanted = -nx * pen;
        float next = clampf(q + wanted, qMin, qMax);
        float moved = next - q;
        q = next;
        cx += moved;
        float rest = pen + moved * nx;
        e->hand[0] += nx * rest;
        e->hand[1] += ny * rest;
    }
    return q;
}

__device__ float handVsSwingingCapsule(Env* e, float hingeX, float hingeY, float cosQ, float sinQ,
                                       float ax, float ay, float bx, float by, float r, float zLo, float zHi,
                                       float q, float qMin, float qMax) {
    float padZ = padCenterZ(e);
    if (padZ + padHalfZ() <= zLo || padZ - padHalfZ() >= zHi) return q;
    float wax = hingeX + cosQ * ax - sinQ * ay;
    float way = hingeY + sinQ * ax + cosQ * ay;
    float wbx = hingeX + cosQ * bx - sinQ * by;
    float wby = hingeY + sinQ * bx + cosQ * by;
    float sx = wbx - wax;
    float sy = wby - way;
    float lengthSq = sx * sx + sy * sy;
    float reach = PAD_RADIUS + r;
    for (int side = -1; side <= 1; side += 2) {
        float px = e->hand[0];
        float py = padCenterY(e, side);
        float t = clampf(((px - wax) * sx + (py - way) * sy) / lengthSq, 0.0f, 1.0f);
        float contactX = wax + t * sx;
        float contactY = way + t * sy;
        float dx = px - contactX;
        float dy = py - contactY;
        float dist = norm2(dx, dy);
        if (dist >= reach) continue;
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
        float leverSpeed = (contactY - hingeY) * nx - (contactX - hingeX) * ny;
        float moved = 0.0f;
        if (fabsf(leverSpeed) > 0.02f) {
            float wanted = clampf(pen / leverSpeed, -0.1f, 0.1f);
            float next = clampf(q + wanted, qMin, qMax);
            moved = (next - q) * leverSpeed;
            q = next;
        }
        float rest = pen - moved;
        if (rest > 0.0f) {
            e->hand[0] += nx * rest;
            e->hand[1] += ny * rest;
        }
    }
    return q;
}

__device__ void padsVsFreeObject(Env* e, float halfLen, float r, float hz) {
    float padZ = padCenterZ(e);
    for (int side = -1; side <= 1; side += 2) {
        float ox = e->obj[0];
        float oy = e->obj[1];
        float oz = e->obj[2];
        float zOverlap = fminf(padZ + padHalfZ() - (oz - hz), oz + hz - (padZ - padHalfZ()));
        if (zOverlap <= 0.0f) continue;
        float px = e->hand[0];
        float py = padCenterY(e, side);
        float segX = clampf(px, ox - halfLen, ox + halfLen);
        float nearX = clampf(segX, px - PAD_HALF_X, px + PAD_HALF_X);
        float nearY = clampf(oy, py - halfPadThickness(), py + halfPadThickness());
        float dx = segX - nearX;
        float dy = oy - nearY;
        float dist = norm2(dx, dy);
        float nx;
        float ny;
        float pen;
        if (dist > 1e-6f) {
            if (dist >= r) continue;
            nx = dx / dist;
            ny = dy / dist;
            pen = r - dist;
        } else {
            nx = 0.0f;
            ny = signOf(oy - py);
            pen = r + halfPadThickness() - fabsf(oy - py);
        }
        if (padZ > oz && zOverlap < pen) {
            e->hand[2] += zOverlap;
            padZ += zOverlap;
        } else {
            e->obj[0] += nx * pen;
            e->obj[1] += ny * pen;
        }
    }
}

// ---- FreeBody.java ------------------------------------------------------------------------------------
struct Body {
    float halfLen, radius, halfHeight, restZ;
};

#define GRASP_TOLERANCE 1e-4f
#define GRIP_EDGE 0.5f

/** FreeBody.widthAt: the object's width across the fingers where the pads meet it, dx from its centre. */
__device__ float bodyWidthAt(const Body* b, float dx) {
    float beyond = fabsf(dx) - b->halfLen - PAD_HALF_X;
    if (beyond <= 0.0f) return 2.0f * b->radius;
    return 2.0f * sqrtf(fmaxf(0.0f, b->radius * b->radius - beyond * beyond));
}

/** Fingers already closed narrower than the object cannot straddle it, unless they hold it. */
__device__ bool betweenPads(const Env* e, const Body* b) {
    float dx = e->obj[0] - e->hand[0];
    return fabsf(dx) < b->halfLen + PAD_HALF_X + GRIP_EDGE * b->radius
        && fabsf(e->obj[1] - e->hand[1]) < 0.5f * e->gap
        && fabsf(e->obj[2] - padCenterZ(e)) < b->halfHeight + padHalfZ()
        && (e->grasped != 0 || bodyWidthAt(b, dx) <= e->gap + GRASP_TOLERANCE);
}

__device__ float bodyPinchWidth(const Env* e, const Body* b) {
    if (e->grasped != 0) return bodyWidthAt(b, e->graspOffset[0]);
    return betweenPads(e, b) ? bodyWidthAt(b, e->obj[0] - e->hand[0]) : 0.0f;
}

__device__ void bodyFall(Env* e, const Body* b, float dt) {
    if (e->obj[2] <= b->restZ && e->objVz == 0.0f) return;
    float vz = e->objVz - GRAVITY * dt;
    float z = e->obj[2] + vz * dt;
    if (z <= b->restZ) {
        z = b->restZ;
        vz = 0.0f;
    }
    e->obj[2] = z;
    e->objVz = vz;
}

/** FreeBody.keepInsideWalls: the table's retaining walls keep an object below their top inside them. */
__device__ void bodyKeepInsideWalls(Env* e, const Body* b) {
    if (e->obj[2] - b->halfHeight >= WALL_TOP) return;
    float reachX = b->halfLen + b->radius;
    float dx = clampf(e->obj[0], -WALL_INNER_X + reachX, WALL_INNER_X - reachX) - e->obj[0];
    float dy = clampf(e->obj[1], WALL_FRONT_Y + b->radius, WALL_BACK_Y - b->radius) - e->obj[1];
    e->obj[0] += dx;
    e->obj[1] += dy;
    if (e->grasped != 0) {
        e->hand[0] += dx;
        e->hand[1] += dy;
    }
}

__device__ void bodyUpdate(Env* e, const Body* b, float targetGap, float dt) {
    if (e->grasped != 0) {
        if (targetGap > bodyWidthAt(b, e->graspOffset[0]) + 0.002f) {
            e->grasped = 0;
        } else {
            e->obj[0] = e->hand[0] + e->graspOffset[0];
            e->obj[1] = e->hand[1];
            e->obj[2] = e->hand[2] + e->graspOffset[2];
            if (e->obj[2] < b->restZ) {
                e->hand[2] += b->restZ - e->obj[2];
                e->obj[2] = b->restZ;
            }
            bodyKeepInsideWalls(e, b);
            return;
        }
    }
    if (betweenPads(e, b)) {
        float width = bodyWidthAt(b, e->obj[0] - e->hand[0]);
        float room = 0.5f * (e->gap - width);
        float hy = e->hand[1];
        e->obj[1] = room > 0.0f ? clampf(e->obj[1], hy - room, hy + room) : hy;
        if (e->gap <= width + GRASP_TOLERANCE && targetGap < width) {
            e->grasped = 1;
            e->objVz = 0.0f;
            e->obj[1] = hy;
            e->graspOffset[0] = e->obj[0] - e->hand[0];
            e->graspOffset[1] = 0.0f;
            e->graspOffset[2] = e->obj[2] - e->hand[2];
            return;
        }
    } else {
        padsVsFreeObject(e, b->halfLen, b->radius, b->halfHeight);
    }
    bodyFall(e, b, dt);
    bodyKeepInsideWalls(e, b);
}

__device__ __forceinline__ Body puckBody() { Body b = {0.0f, 0.02f, 0.02f, 0.02f}; return b; }
// PegInsertSideTask.PEG: the segment stops PEG_HALF_WIDTH short of each end.
__device__ __forceinline__ Body pegBody() { Body b = {0.12f - 0.015f, 0.015f, 0.015f, 0.015f}; return b; }

__device__ __forceinline__ void setV(float* v, float x, float y, float z) { v[0] = x; v[1] = y; v[2] = z; }

__device__ float objToGoal(const Env* e) {
    return norm3(e->obj[0] - e->goal[0], e->obj[1] - e->goal[1], e->obj[2] - e->goal[2]);
}

__device__ float tcpToObj(const Env* e) {
    return norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
}

// ---- Rewards.cagingHighDensity, cagingPickPlace ---------------------------------------------------------
/** Rewards.cagingXz: tcp-to-object distance in the xz plane against the reset distance less the threshold. */
__device__ float cagingXz(const Env* e, float objX, float objZ, float obj0X, float obj0Z, float xzThresh) {
    float tcpX = e->hand[0];
    float tcpZv = e->hand[2] - TCP_OFFSET;
    float tcp0X = e->hand0[0];
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float xzMargin = norm2(obj0X - tcp0X, obj0Z - tcp0Z) - xzThresh;
    return longTail(norm2(tcpX - objX, tcpZv - objZ), 0.0f, xzThresh, xzMargin);
}

/** Rewards.highDensity: gripping counts only when caged (> 0.97). */
__device__ float highDensity(float caging, float gripCommand) {
    float gripperClosed = clampf(gripCommand, 0.0f, 1.0f);
    float gripping = caging > 0.97f ? gripperClosed : 0.0f;
    float cagingAndGripping = hamacher(caging, gripping);
    return 0.5f * (cagingAndGripping + caging);
}

__device__ float cagingHighDensity(const Env* e, float objX, float objY, float objZ, float obj0X, float obj0Y, float obj0Z,
                                   float objRadius, float padSuccess, float xzThresh, float gripCommand) {
    float leftPadY = padY(e, -1);
    float rightPadY = padY(e, 1);
    float leftMargin = fabsf(fabsf(leftPadY - obj0Y) - padSuccess);
    float rightMargin = fabsf(fabsf(rightPadY - obj0Y) - padSuccess);
    float leftCaging = longTail(fabsf(leftPadY - objY), objRadius, padSuccess, leftMargin);
    float rightCaging = longTail(fabsf(rightPadY - objY), objRadius, padSuccess, rightMargin);
    float cagingY = hamacher(leftCaging, rightCaging);
    float cagingXzV = cagingXz(e, objX, objZ, obj0X, obj0Z, xzThresh);
    return highDensity(hamacher(cagingY, cagingXzV), gripCommand);
}

#define PICK_PLACE_OBJ_RADIUS 0.015f
#define PICK_PLACE_PAD_SUCCESS 0.05f
#define PICK_PLACE_XZ 0.005f

/** Rewards.cagingPickPlace: pick-place-v2's signed-pad caging reward. */
__device__ float cagingPickPlace(const Env* e, float objX, float objY, float objZ, float obj0X, float obj0Z, float gripCommand) {
    float plusPadY = padY(e, 1);
    float minusPadY = padY(e, -1);
    float pad0Offset = 0.5f * OPEN_GAP + PAD_BODY_INSET;
    float plusPad0Y = e->hand0[1] + pad0Offset;
    float minusPad0Y = e->hand0[1] - pad0Offset;
    float plusMargin = fabsf(fabsf(objY - plusPad0Y) - PICK_PLACE_PAD_SUCCESS);
    float minusMargin = fabsf(fabsf(objY - minusPad0Y) - PICK_PLACE_PAD_SUCCESS);
    float plusCaging = longTail(plusPadY - objY, PICK_PLACE_OBJ_RADIUS, PICK_PLACE_PAD_SUCCESS, plusMargin);
    float minusCaging = longTail(objY - minusPadY, PICK_PLACE_OBJ_RADIUS, PICK_PLACE_PAD_SUCCESS, minusMargin);
    float cagingY = hamacher(plusCaging, minusCaging);
    float cagingXzV = cagingXz(e, objX, objZ, obj0X, obj0Z, PICK_PLACE_XZ);
    return highDensity(hamacher(cagingY, cagingXzV), gripCommand);
}

// ---- Puck tasks: reach, push, pick-place (PuckTask.java and subclasses) --------------------------------
__device__ void puckReset(Env* e, Rng* r, float goalLowZ, float goalHighZ, bool goalOnTable) {
    float ox = 0, oy = 0, gx = 0, gy = 0, gz = 0;
    for (int attempt = 0; attempt < 64; attempt++) {
        ox = rngUniform(r, -0.1f, 0.1f);
        oy = rngUniform(r, 0.6f, 0.7f);
        rngFloat(r);
        gx = rngUniform(r, -0.1f, 0.1f);
        gy = rngUniform(r, 0.8f, 0.9f);
        gz = rngUniform(r, goalLowZ, goalHighZ);
        if (norm2(ox - gx, oy - gy) >= 0.15f) break;
    }
    setV(e->obj, ox, oy, 0.02f);
    setV(e->goal, gx, gy, goalOnTable ? 0.02f : gz);
}

__device__ float objToGoalAtReset(const Env* e) {
    return norm3(e->obj0[0] - e->goal[0], e->obj0[1] - e->goal[1], e->obj0[2] - e->goal[2]);
}

__device__ float puckCaging(const Env* e, float grip) {
    return cagingHighDensity(e, e->obj[0], e->obj[1], e->obj[2], e->obj0[0], e->obj0[1], e->obj0[2],
                             0.015f, 0.05f, 0.005f, grip);
}

__device__ float tcpToGoal(const Env* e) {
    return norm3(e->hand[0] - e->goal[0], e->hand[1] - e->goal[1], tcpZ(e) - e->goal[2]);
}

__device__ float reachReward(const Env* e) {
    float margin = norm3(e->hand0[0] - e->goal[0], e->hand0[1] - e->goal[1], e->hand0[2] - e->goal[2]);
    return 10.0f * longTail(tcpToGoal(e), 0.0f, 0.05f, margin);
}

__device__ float pushReward(const Env* e, float grip) {
    float inPlace = longTail(objToGoal(e), 0.0f, 0.05f, objToGoalAtReset(e));
    float grasp = puckCaging(e, grip);
    float reward = 2.0f * grasp;
    if (tcpToObj(e) < 0.02f && openness(e->gap) > 0.0f) reward += 1.0f + 5.0f * inPlace;
    return reward;
}

__device__ float pickPlaceReward(const Env* e, float grip) {
    float inPlace = longTail(objToGoal(e), 0.0f, 0.05f, objToGoalAtReset(e));
    float grasp = cagingPickPlace(e, e->obj[0], e->obj[1], e->obj[2], e->obj0[0], e->obj0[2], grip);
    float reward = hamacher(grasp, inPlace);
    bool lifted = e->obj[2] - 0.01f > e->obj0[2];
    if (tcpToObj(e) < 0.02f && openness(e->gap) > 0.0f && lifted) reward += 1.0f + 5.0f * inPlace;
    return reward;
}

// ---- Drawer tasks (DrawerTask.java, DrawerOpenTask.java, DrawerCloseTask.java) -------------------------
#define DRAWER_Q_MIN (-0.2f)
#define DRAWER_Q_MAX 0.0f
#define DRAWER_LINK_DY (-0.01f)
#define DRAWER_LINK_Z 0.09f
#define DRAWER_HANDLE_OBS_DY (-0.16f)
#define DRAWER_BAR_DY (-0.15f)
#define DRAWER_BAR_HALF_X 0.059f
#define DRAWER_BAR_RADIUS 0.009f
#define DRAWER_STEM_X 0.05f
#define DRAWER_STEM_DY (-0.12f)
#define DRAWER_STEM_HALF_Y 0.039f
#define DRAWER_CASE_Z 0.084f
#define DRAWER_OPEN_SUCCESS 0.03f
#define DRAWER_OPEN_MAX_DIST 0.2f
#define DRAWER_CLOSE_TARGET_RADIUS 0.05f
#define DRAWER_CLOSE_START (-0.15f)
#define DRAWER_CLOSE_OBSERVED_DZ 0.05f

/** DrawerTask.observedDz: 0 for drawer-open, 0.05 for drawer-close. */
__device__ __forceinline__ float drawerObservedDz(bool opening) { return opening ? 0.0f : DRAWER_CLOSE_OBSERVED_DZ; }

__device__ void drawerPlaceHandle(Env* e, bool opening) {
    setV(e->obj, e->fixture[0], e->fixture[1] + DRAWER_LINK_DY + e->joint + DRAWER_HANDLE_OBS_DY,
         DRAWER_LINK_Z + drawerObservedDz(opening));
}

__device__ void drawerReset(Env* e, Rng* r, bool opening) {
    float rx = rngUniform(r, -0.1f, 0.1f);
    setV(e->fixture, rx, 0.9f, 0.0f);
    e->joint = opening ? 0.0f : DRAWER_CLOSE_START;
    drawerPlaceHandle(e, opening);
    float rootY = 0.9f;
    if (opening) setV(e->goal, rx, rootY + DRAWER_HANDLE_OBS_DY - DRAWER_OPEN_MAX_DIST, DRAWER_LINK_Z);
    else setV(e->goal, rx, rootY - 0.16f, DRAWER_LINK_Z);
}

__device__ float drawerPinchWidth(const Env* e) {
    float barY = e->fixture[1] + DRAWER_LINK_DY + e->joint + DRAWER_BAR_DY;
    bool between = fabsf(barY - e->hand[1]) < 0.5f * e->gap
        && fabsf(e->fixture[0] - e->hand[0]) < DRAWER_BAR_HALF_X + PAD_HALF_X
        && fabsf(DRAWER_LINK_Z - padCenterZ(e)) < DRAWER_BAR_RADIUS + padHalfZ();
    return between ? 2.0f * DRAWER_BAR_RADIUS : 0.0f;
}

/** DrawerTask.slide: one drawer_link part at (dx, dy, dz) from the link frame, which slides along y with q. */
__device__ float drawerSlide(Env* e, float q, float rx, float dx, float dy, float dz, float ex, float ey, float ez) {
    float linkY = e->fixture[1] + DRAWER_LINK_DY + q;
    return handVsSlidingBox(e, rx + dx, linkY + dy, DRAWER_LINK_Z + dz, ex, ey, ez, 1, q, DRAWER_Q_MIN, DRAWER_Q_MAX);
}

__device__ void drawerInteract(Env* e, bool opening) {
    float rx = e->fixture[0];
    float ry = e->fixture[1];
    if (!padsNear(e, rx - 0.118f, rx + 0.118f,
                  ry + DRAWER_LINK_DY + DRAWER_Q_MIN + DRAWER_BAR_DY - DRAWER_BAR_RADIUS, ry + 0.1f, 0.0f, 0.168f)) {
        return;
    }
    float cz = DRAWER_CASE_Z;
    // drawercase_link: two sides, back, bottom and top; open at the front.
    handVsFixedBox(e, rx - 0.11f, ry, cz, 0.008f, 0.1f, 0.084f);
    handVsFixedBox(e, rx + 0.11f, ry, cz, 0.008f, 0.1f, 0.084f);
    handVsFixedBox(e, rx, ry + 0.092f, cz - 0.008f, 0.102f, 0.008f, 0.076f);
    handVsFixedBox(e, rx, ry - 0.008f, cz - 0.07f, 0.102f, 0.092f, 0.014f);
    handVsFixedBox(e, rx, ry, cz + 0.076f, 0.102f, 0.1f, 0.008f);
    // drawer_link: an open box (front, back, sides, bottom), the handle bar and its stems.
    float q = e->joint;
    q = drawerSlide(e, q, rx, 0.0f, DRAWER_BAR_DY, 0.0f, DRAWER_BAR_HALF_X, DRAWER_BAR_RADIUS, DRAWER_BAR_RADIUS);
    q = drawerSlide(e, q, rx, -DRAWER_STEM_X, DRAWER_STEM_DY, 0.0f, DRAWER_BAR_RADIUS, DRAWER_STEM_HALF_Y, DRAWER_BAR_RADIUS);
    q = drawerSlide(e, q, rx, DRAWER_STEM_X, DRAWER_STEM_DY, 0.0f, DRAWER_BAR_RADIUS, DRAWER_STEM_HALF_Y, DRAWER_BAR_RADIUS);
    q = drawerSlide(e, q, rx, 0.0f, -0.082f, 0.008f, 0.1f, 0.008f, 0.052f);
    q = drawerSlide(e, q, rx, 0.0f, 0.082f, 0.008f, 0.1f, 0.008f, 0.052f);
    q = drawerSlide(e, q, rx, -0.092f, 0.0f, 0.008f, 0.008f, 0.074f, 0.052f);
    q = drawerSlide(e, q, rx, 0.092f, 0.0f, 0.008f, 0.008f, 0.074f, 0.052f);
    q = drawerSlide(e, q, rx, 0.0f, 0.0f, -0.052f, 0.1f, 0.09f, 0.008f);
    e->joint = q;
    drawerPlaceHandle(e, opening);
}

__device__ float drawerOpenReward(const Env* e) {
    float open = longTail(objToGoal(e), 0.0f, 0.02f, DRAWER_OPEN_MAX_DIST);
    float err = norm3(3.0f * (e->obj[0] - e->hand[0]), 3.0f * (e->obj[1] - e->hand[1]), e->obj[2] - e->hand[2]);
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float handle0Y = e->goal[1] + DRAWER_OPEN_MAX_DIST;
    float err0 = norm3(3.0f * (e->goal[0] - e->hand0[0]), 3.0f * (handle0Y - e->hand0[1]), e->goal[2] - tcp0Z);
    float caging = longTail(err, 0.0f, 0.01f, err0);
    return 5.0f * (caging + open);
}

__device__ float drawerCloseReward(const Env* e, float grip) {
    float d0 = norm3(e->obj0[0] - e->goal[0], e->obj0[1] - e->goal[1], e->obj0[2] - e->goal[2]);
    float inPlace = longTail(objToGoal(e), 0.0f, DRAWER_CLOSE_TARGET_RADIUS, fabsf(d0 - DRAWER_CLOSE_TARGET_RADIUS));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float reach0 = norm3(e->obj0[0] - e->hand0[0], e->obj0[1] - e->hand0[1], e->obj0[2] - tcp0Z);
    float reachDist = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float reach = hamacher(gaussianTol(reachDist, 0.0f, 0.005f, fabsf(reach0 - 0.005f)), clampf(grip, 0.0f, 1.0f));
    return 10.0f * hamacher(reach, inPlace);
}

// ---- button-press-topdown (ButtonPressTopdownTask.java) ------------------------------------------------
#define BUTTON_START_DZ 0.1935f
#define BUTTON_QUAT_X (-0.70682518f)
#define BUTTON_QUAT_W 0.70738827f

__device__ void buttonPlaceCap(Env* e) {
    setV(e->obj, e->fixture[0], e->fixture[1], e->fixture[2] + 0.193f + e->joint);
}

__device__ void buttonReset(Env* e, Rng* r) {
    float bx = rngUniform(r, -0.1f, 0.1f);
    float by = rngUniform(r, 0.8f, 0.9f);
    setV(e->fixture, bx, by, 0.115f);
    setV(e->goal, bx, by, 0.115f + 0.1f);
    buttonPlaceCap(e);
}

#define BUTTON_Q_MIN (-0.09f)
#define BUTTON_Q_MAX 0.0f
#define BUTTON_CAP_CENTER_DZ 0.183f
#define BUTTON_CAP_HALF_XY 0.043f
#define BUTTON_CAP_HALF_Z 0.011f
#define BUTTON_HOUSING_DZ (-0.012f)
#define BUTTON_HOUSING_HALF_XY 0.12f
#define BUTTON_HOUSING_HALF_Z 0.102f
#define BUTTON_SPRING_STIFFNESS 0.5f
#define BUTTON_SPRING_REF 0.5f
#define BUTTON_DAMPING 1.0f

__device__ void buttonInteract(Env* e, float dt) {
    float bx = e->fixture[0];
    float by = e->fixture[1];
    float bz = e->fixture[2];
    // The spring against the damper: the button rises toward its stop.
    float q = fminf(BUTTON_Q_MAX, e->joint + dt * BUTTON_SPRING_STIFFNESS * (BUTTON_SPRING_REF - e->joint) / BUTTON_DAMPING);
    handVsFixedBox(e, bx, by, bz + BUTTON_HOUSING_DZ, BUTTON_HOUSING_HALF_XY, BUTTON_HOUSING_HALF_XY, BUTTON_HOUSING_HALF_Z);
    q = handVsSlidingBox(e, bx, by, bz + BUTTON_CAP_CENTER_DZ + q, BUTTON_CAP_HALF_XY, BUTTON_CAP_HALF_XY, BUTTON_CAP_HALF_Z,
                         2, q, BUTTON_Q_MIN, BUTTON_Q_MAX);
    e->joint = q;
    buttonPlaceCap(e);
}

__device__ float buttonReward(const Env* e) {
    float tcpToObjV = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float margin = norm3(e->obj[0] - e->hand0[0], e->obj[1] - e->hand0[1], e->obj[2] - tcp0Z);
    float near = longTail(tcpToObjV, 0.0f, 0.01f, margin);
    float opennessV = openness(e->gap);
    float reward = 5.0f * hamacher(1.0f - opennessV, near);
    if (tcpToObjV <= 0.03f) {
        float pressed = longTail(fabsf(e->goal[2] - e->obj[2]), 0.0f, 0.005f,
                                 fabsf(e->goal[2] - (e->fixture[2] + BUTTON_START_DZ)));
        reward += 5.0f * pressed;
    }
    return reward;
}

// ---- windows (WindowTask.java) ----------------------------------------------------------------------------
#define WINDOW_Q_MIN 0.0f
#define WINDOW_Q_MAX 0.2f
#define WINDOW_BAR_DX (-0.014f)
#define WINDOW_BAR_DY (-0.095f)
#define WINDOW_OPEN_SITE_DX (-0.04f)
#define WINDOW_CLOSE_SITE_DX 0.01f
#define WINDOW_BAR_RADIUS 0.008f
#define WINDOW_STEM_DY (-0.06f)
#define WINDOW_STEM_HALF_Y 0.043f
#define WINDOW_STEM_DZ 0.045f
#define WINDOW_BAR_HALF_Z 0.053f
#define WINDOW_SUCCESS 0.05f

__device__ __forceinline__ float windowSiteDx(bool opening) { return opening ? WINDOW_OPEN_SITE_DX : WINDOW_CLOSE_SITE_DX; }

__device__ void windowPlaceHandle(Env* e, bool opening) {
    setV(e->obj, e->fixture[0] + e->joint + windowSiteDx(opening), e->fixture[1] + WINDOW_BAR_DY, e->fixture[2]);
}

__device__ void windowReset(Env* e, Rng* r, bool opening) {
    float wx = opening ? rngUniform(r, -0.1f, 0.1f) : rngUniform(r, 0.0f, 0.0f);
    float wy = opening ? rngUniform(r, 0.7f, 0.9f) : rngUniform(r, 0.75f, 0.9f);
    float wz = opening ? 0.16f : 0.2f;
    setV(e->fixture, wx, wy, wz);
    e->joint = opening ? WINDOW_Q_MIN : WINDOW_Q_MAX;
    setV(e->goal, opening ? wx + WINDOW_Q_MAX : wx, wy, wz);
    windowPlaceHandle(e, opening);
}

__device__ void windowInteract(Env* e, bool opening) {
    float wx = e->fixture[0];
    float wy = e->fixture[1];
    float wz = e->fixture[2];
    if (!padsNear(e, wx - 0.25f, wx + 0.25f, wy + WINDOW_BAR_DY - WINDOW_BAR_RADIUS - BASE_HALF_Y, wy + 0.06f,
                  wz - 0.202f, wz + 0.181f)) {
        return;
    }
    // The fixed frame: posts, top and bottom rails, base, and the fixed pane (windowb_b).
    handVsFixedBox(e, wx - 0.216f, wy, wz, 0.015f, 0.03f, 0.181f);
    handVsFixedBox(e, wx + 0.216f, wy, wz, 0.015f, 0.03f, 0.181f);
    handVsFixedBox(e, wx, wy, wz + 0.166f, 0.201f, 0.03f, 0.015f);
    handVsFixedBox(e, wx, wy, wz - 0.166f, 0.201f, 0.03f, 0.015f);
    handVsFixedBox(e, wx, wy, wz - 0.192f, 0.25f, 0.06f, 0.01f);
    handVsFixedBox(e, wx + 0.1f, wy + 0.013f, wz, 0.1f, 0.012f, 0.15f);
    // The sash (frame and glass as one box) and its handle bar slide with q.
    float q = e->joint;
    q = handVsSlidingBox(e, wx + q - 0.1f, wy - 0.013f, wz, 0.1f, 0.012f, 0.15f, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = handVsSlidingRod(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_BAR_DY, WINDOW_BAR_RADIUS, wz - WINDOW_BAR_HALF_Z,
                         wz + WINDOW_BAR_HALF_Z, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = handVsSlidingBox(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_STEM_DY, wz + WINDOW_STEM_DZ, WINDOW_BAR_RADIUS,
                         WINDOW_STEM_HALF_Y, WINDOW_BAR_RADIUS, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = handVsSlidingBox(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_STEM_DY, wz - WINDOW_STEM_DZ, WINDOW_BAR_RADIUS,
                         WINDOW_STEM_HALF_Y, WINDOW_BAR_RADIUS, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = gripperBaseVsSlidingBox(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_BAR_DY, wz, WINDOW_BAR_RADIUS, WINDOW_BAR_RADIUS,
                                WINDOW_BAR_HALF_Z, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = gripperBaseVsSlidingBox(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_STEM_DY, wz + WINDOW_STEM_DZ, WINDOW_BAR_RADIUS,
                                WINDOW_STEM_HALF_Y, WINDOW_BAR_RADIUS, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    q = gripperBaseVsSlidingBox(e, wx + q + WINDOW_BAR_DX, wy + WINDOW_STEM_DY, wz - WINDOW_STEM_DZ, WINDOW_BAR_RADIUS,
                                WINDOW_STEM_HALF_Y, WINDOW_BAR_RADIUS, 0, q, WINDOW_Q_MIN, WINDOW_Q_MAX);
    e->joint = q;
    windowPlaceHandle(e, opening);
}

__device__ float windowReward(const Env* e, bool opening) {
    float start = opening ? WINDOW_Q_MAX : fabsf(e->obj0[0] - e->goal[0]);
    float inPlace = longTail(fabsf(e->obj[0] - e->goal[0]), 0.0f, WINDOW_SUCCESS, fabsf(start - WINDOW_SUCCESS));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float reach0 = norm3(e->obj0[0] - e->hand0[0], e->obj0[1] - e->hand0[1], e->obj0[2] - tcp0Z);
    float reachDist = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float margin = fabsf(reach0 - 0.02f);
    float reach = opening ? longTail(reachDist, 0.0f, 0.02f, margin) : gaussianTol(reachDist, 0.0f, 0.02f, margin);
    return 10.0f * hamacher(reach, inPlace);
}

// ---- door-open (DoorOpenTask.java) -----------------------------------------------------------------------------
#define DOOR_Q_MIN (-2.0f)
#define DOOR_Q_MAX 0.0f
#define DOOR_HINGE_DX (-0.185f)
#define DOOR_HINGE_DY (-0.1f)
#define DOOR_HANDLE_LOCAL_X 0.37572163f
#define DOOR_HANDLE_LOCAL_Y (-0.10713990f)
#define DOOR_HANDLE_QUAT_X 0.69075850f
#define DOOR_HANDLE_QUAT_Y (-0.15062097f)
#define DOOR_HANDLE_QUAT_Z 0.69087866f
#define DOOR_HANDLE_QUAT_W 0.15117109f
#define DOOR_GRIP_Y (-0.12f)
#define DOOR_GRIP_THICK_LO 0.341f
#define DOOR_GRIP_THICK_HI 0.449f
#define DOOR_GRIP_THICK_RADIUS 0.023f
#define DOOR_GRIP_THIN_LO 0.306f
#define DOOR_GRIP_THIN_HI 0.456f
#define DOOR_GRIP_THIN_RADIUS 0.019f
#define DOOR_GOAL_DX (-0.3f)
#define DOOR_GOAL_DY (-0.45f)
#define DOOR_REACH 0.56f

__device__ void doorPlaceHandle(Env* e, float cosQ, float sinQ) {
    float hingeX = e->fixture[0] + DOOR_HINGE_DX;
    float hingeY = e->fixture[1] + DOOR_HINGE_DY;
    setV(e->obj, hingeX + cosQ * DOOR_HANDLE_LOCAL_X - sinQ * DOOR_HANDLE_LOCAL_Y,
         hingeY + sinQ * DOOR_HANDLE_LOCAL_X + cosQ * DOOR_HANDLE_LOCAL_Y, e->fixture[2]);
}

__device__ void doorReset(Env* e, Rng* r) {
    float rx = rngUniform(r, 0.0f, 0.1f);
    float ry = rngUniform(r, 0.85f, 0.95f);
    float rz = 0.15f;
    setV(e->fixture, rx, ry, rz);
    setV(e->goal, rx + DOOR_GOAL_DX, ry + DOOR_GOAL_DY, rz);
    e->joint = 0.0f;
    doorPlaceHandle(e, 1.0f, 0.0f);
}

/** DoorOpenTask.swing: one door part, a capsule from local (ax, ay) to (bx, by), radius r, half-height hz. */
/**
 * One door_link part (DoorOpenTask.PARTS): skipped when the hand, in the door's frame, is farther
 * from the part's box than any pad can reach; cos, sin and the hand's local position are updated
 * when the part turns the door.
 */
__device__ void doorPart(Env* e, float* q, float* cosQ, float* sinQ, float* localX, float* localY, float padReach,
                         float hingeX, float hingeY, float rz, float ax, float ay, float bx, float by, float r, float hz) {
    float reach = padReach + r;
    if (*localX < fminf(ax, bx) - reach || *localX > fmaxf(ax, bx) + reach
            || *localY < fminf(ay, by) - reach || *localY > fmaxf(ay, by) + reach) {
        return;
    }
    float turned = handVsSwingingCapsule(e, hingeX, hingeY, *cosQ, *sinQ, ax, ay, bx, by, r, rz - hz, rz + hz,
                                         *q, DOOR_Q_MIN, DOOR_Q_MAX);
    if (turned != *q) {
        *q = turned;
        *cosQ = fcos(*q);
        *sinQ = fsin(*q);
    }
    *localX = *cosQ * (e->hand[0] - hingeX) + *sinQ * (e->hand[1] - hingeY);
    *localY = *cosQ * (e->hand[1] - hingeY) - *sinQ * (e->hand[0] - hingeX);
}

__device__ void doorInteract(Env* e) {
    float rx = e->fixture[0];
    float ry = e->fixture[1];
    float rz = e->fixture[2];
    if (padsNear(e, rx - 0.22f, rx + 0.22f, ry - 0.106f, ry + 0.106f, rz - 0.15f, rz + 0.15f)) {
        // The safe (doorlockB's fixed walls), open at the front where the door closes it.
        handVsFixedBox(e, rx - 0.204f, ry, rz, 0.016f, 0.106f, 0.15f);
        handVsFixedBox(e, rx + 0.204f, ry, rz, 0.016f, 0.106f, 0.15f);
        handVsFixedBox(e, rx, ry, rz + 0.138f, 0.188f, 0.106f, 0.012f);
        handVsFixedBox(e, rx, ry, rz - 0.138f, 0.189f, 0.106f, 0.012f);
        handVsFixedBox(e, rx, ry + 0.094f, rz, 0.188f, 0.012f, 0.126f);
    }
    float hingeX = rx + DOOR_HINGE_DX;
    float hingeY = ry + DOOR_HINGE_DY;
    if (norm2(e->hand[0] - hingeX, e->hand[1] - hingeY) > DOOR_REACH) return;
    // door_link's collision geoms; cylinders along x as capsules within their length, a box as a capsule.
    float q = e->joint;
    float cosQ = fcos(q);
    float sinQ = fsin(q);
    float padReach = 0.5f * e->gap + 0.5f * PAD_THICKNESS + PAD_RADIUS + 0.001f;
    float localX = cosQ * (e->hand[0] - hingeX) + sinQ * (e->hand[1] - hingeY);
    float localY = cosQ * (e->hand[1] - hingeY) - sinQ * (e->hand[0] - hingeX);
    doorPart(e, &q, &cosQ, &sinQ, &localX, &localY, padReach, hingeX, hingeY, rz, 0.015f, 0.0f, 0.355f, 0.0f, 0.01f, 0.123f);
    doorPart(e, &q, &cosQ, &sinQ, &localX, &localY, padReach, hingeX, hingeY, rz, 0.309f, -0.006f, 0.341f, -0.006f, 0.012f, 0.028f);
    doorPart(e, &q, &cosQ, &sinQ, &localX, &localY, padReach, hingeX, hingeY, rz, 0.325f, -0.018f, 0.325f, -0.112f, 0.013f, 0.013f);
    doorPart(e, &q, &cosQ, &sinQ, &localX, &localY, padReach, hingeX, hingeY, rz, 0.325f, -0.12f, 0.437f, -0.12f, 0.019f, 0.019f);
    doorPart(e, &q, &cosQ, &sinQ, &localX, &localY, padReach, hingeX, hingeY, rz, 0.364f, -0.12f, 0.426f, -0.12f, 0.023f, 0.023f);
    e->joint = q;
    doorPlaceHandle(e, cosQ, sinQ);
}

/** DoorOpenTask.pinchWidth: closing fingers stop where their disc footprints touch the grip. */
__device__ float doorPinchWidth(const Env* e) {
    float q = e->joint;
    float cosQ = fcos(q);
    float sinQ = fsin(q);
    if (fabsf(cosQ) < 0.2f) return 0.0f;
    float hingeX = e->fixture[0] + DOOR_HINGE_DX;
    float hingeY = e->fixture[1] + DOOR_HINGE_DY;
    float t = (e->hand[0] - hingeX + sinQ * DOOR_GRIP_Y) / cosQ;
    float r = t >= DOOR_GRIP_THICK_LO && t <= DOOR_GRIP_THICK_HI ? DOOR_GRIP_THICK_RADIUS
            : (t >= DOOR_GRIP_THIN_LO && t <= DOOR_GRIP_THIN_HI ? DOOR_GRIP_THIN_RADIUS : 0.0f);
    if (r == 0.0f || fabsf(padCenterZ(e) - e->fixture[2]) >= r + padHalfZ()) return 0.0f;
    float barY = hingeY + sinQ * t + cosQ * DOOR_GRIP_Y;
    float width = 2.0f * r / fabsf(cosQ) + 2.0f * (PAD_RADIUS - 0.5f * PAD_THICKNESS);
    bool between = fabsf(barY - e->hand[1]) < 0.5f * e->gap && width <= e->gap;
    return between ? width : 0.0f;
}

__device__ float doorReward(const Env* e, float grip) {
    float hx = e->hand[0];
    float hy = e->hand[1];
    float hz = e->hand[2];
    float doorX = e->obj[0] - 0.05f;
    float doorY = e->obj[1];
    float doorZ = e->obj[2];
    float threshold = 0.12f;
    float radius = norm2(hx - doorX, hy - doorY);
    float floorZ = radius <= threshold ? 0.0f : 0.04f * flog(radius - threshold) + 0.4f;
    float aboveFloor = hz >= floorZ ? 1.0f : longTail(floorZ - hz, 0.0f, 0.01f, 0.5f * floorZ);
    float inPlace = longTail(norm3(hx - doorX - 0.05f, hy - doorY - 0.03f, hz - doorZ + 0.01f), 0.0f, 0.5f * threshold, 0.5f);
    float ready = hamacher(aboveFloor, inPlace);
    float theta = e->joint;
    float opened = (theta < -F_PI / 90.0f ? 0.2f : 0.0f)
        + 0.8f * longTail(F_HALF_PI + F_PI / 6.0f + theta, 0.0f, 0.5f, F_PI / 3.0f);
    float grabEffort = 0.5f * (clampf(grip, -1.0f, 1.0f) + 1.0f);
    return 2.0f * hamacher(ready, grabEffort) + 8.0f * opened;
}

// ---- peg-insert-side (PegInsertSideTask.java) ------------------------------------------------------------------
#define PEG_HALF_LENGTH 0.12f
#define PEG_HALF_WIDTH 0.015f
#define PEG_REST_Z 0.015f
#define PEG_INIT_Z 0.02f
#define PEG_HEAD_DX (-0.1f)
#define PEG_GRASP_DX 0.03f
#define PEG_GRASP_DZ 0.01f
#define PEG_GOAL_DX 0.03f
#define PEG_GOAL_DZ 0.13f
#define PEG_TARGET_RADIUS 0.07f
#define PEG_MIN_BOX_XY 0.1f

__device__ void pegReset(Env* e, Rng* r) {
    float px = 0, py = 0, bx = 0, by = 0, bz = 0;
    for (int attempt = 0; attempt < 64; attempt++) {
        px = rngUniform(r, 0.0f, 0.2f);
        py = rngUniform(r, 0.5f, 0.7f);
        rngFloat(r);
        bx = rngUniform(r, -0.35f, -0.25f);
        by = rngUniform(r, 0.4f, 0.7f);
        bz = rngUniform(r, -0.001f, 0.001f);
        if (norm2(px - bx, py - by) >= PEG_MIN_BOX_XY) break;
    }
    setV(e->obj, px, py, PEG_REST_Z);
    setV(e->fixture, bx, by, bz);
    setV(e->goal, bx + PEG_GOAL_DX, by, bz + PEG_GOAL_DZ);
}

/** PegInsertSideTask.pegOutOfBox: moves the peg (and a holding hand) out of one fixed box. */
__device__ void pegOutOfBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez) {
    float dx = e->obj[0] - cx;
    float dy = e->obj[1] - cy;
    float dz = e->obj[2] - cz;
    float ox = PEG_HALF_LENGTH + ex - fabsf(dx);
    float oy = PEG_HALF_WIDTH + ey - fabsf(dy);
    float oz = PEG_HALF_WIDTH + ez - fabsf(dz);
    if (ox <= 0.0f || oy <= 0.0f || oz <= 0.0f) return;
    // Explicit components: a dynamic index would put the Env struct in local memory.
    if (ox <= oy && ox <= oz) {
        float push = dx >= 0.0f ? ox : -ox;
        e->obj[0] += push;
        if (e->grasped != 0) e->hand[0] += push;
    } else if (oy <= oz) {
        float push = dy >= 0.0f ? oy : -oy;
        e->obj[1] += push;
        if (e->grasped != 0) e->hand[1] += push;
    } else {
        float push = dz >= 0.0f ? oz : -oz;
        e->obj[2] += push;
        if (e->grasped != 0) e->hand[2] += push;
    }
}

__device__ void pegInteract(Env* e, float targetGap, float dt) {
    float bx = e->fixture[0];
    float by = e->fixture[1];
    float bz = e->fixture[2];
    // The fingers (9 cm tall) cannot enter the 6 cm tunnel: they meet the block as a solid.
    handVsFixedBox(e, bx, by, bz + 0.1f, 0.1f, 0.1f, 0.1f);
    Body peg = pegBody();
    bodyUpdate(e, &peg, targetGap, dt);
    if (fabsf(e->obj[0] - bx) >= PEG_HALF_LENGTH + 0.1f || fabsf(e->obj[1] - by) >= PEG_HALF_WIDTH + 0.1f) return;
    // The block's seven collision boxes: the tunnel's floor, sides and roof, the top plate and two side walls.
    pegOutOfBox(e, bx, by, bz + 0.195f, 0.1f, 0.09f, 0.005f);
    pegOutOfBox(e, bx, by, bz + 0.05f, 0.096f, 0.09f, 0.05f);
    pegOutOfBox(e, bx, by - 0.06f, bz + 0.13f, 0.096f, 0.03f, 0.03f);
    pegOutOfBox(e, bx, by + 0.06f, bz + 0.13f, 0.096f, 0.03f, 0.03f);
    pegOutOfBox(e, bx, by, bz + 0.175f, 0.096f, 0.09f, 0.015f);
    pegOutOfBox(e, bx, by + 0.095f, bz + 0.1f, 0.1f, 0.005f, 0.1f);
    pegOutOfBox(e, bx, by - 0.095f, bz + 0.1f, 0.1f, 0.005f, 0.1f);
}

/** PegInsertSideTask.headToGoal: ||(pegHead - goal) * (1, 2, 2)|| for a peg body at (x, y, z). */
__device__ float pegHeadToGoal(const Env* e, float x, float y, float z) {
    return norm3(x + PEG_HEAD_DX - e->goal[0], 2.0f * (y - e->goal[1]), 2.0f * (z - e->goal[2]));
}

__device__ bool pegBetween(float a, float b, float c) {
    return c >= b ? b <= a && a <= c : c <= a && a <= b;
}

/** PegInsertSideTask.rectPrism: Meta-World's rect_prism_tolerance. */
__device__ float pegRectPrism(float px, float py, float pz, float zx, float zy, float zz, float ox, float oy, float oz) {
    bool inside = pegBetween(px, zx, ox) && pegBetween(py, zy, oy) && pegBetween(pz, zz, oz);
    if (!inside) return 1.0f;
    return (px - zx) / (ox - zx) * ((py - zy) / (oy - zy)) * ((pz - zz) / (oz - zz));
}

__device__ float pegReward(const Env* e, float grip) {
    float bx = e->fixture[0];
    float by = e->fixture[1];
    float bz = e->fixture[2];
    float headX = e->obj[0] + PEG_HEAD_DX;
    float headY = e->obj[1];
    float headZ = e->obj[2];
    // The head at the peg's sampled reset position, as obj_init_pos records it.
    float margin = pegHeadToGoal(e, e->obj0[0], e->obj0[1], PEG_INIT_Z);
    float inPlace = longTail(pegHeadToGoal(e, e->obj[0], headY, headZ), 0.0f, PEG_TARGET_RADIUS, margin);
    // The collision-box sites below and above the mouth, world offsets from the box.
    float below = pegRectPrism(headX, headY, headZ, bx + 0.11f, by + 0.1f, bz + 0.01f, bx + 0.15f, by - 0.1f, bz + 0.096f);
    float above = pegRectPrism(headX, headY, headZ, bx + 0.11f, by + 0.1f, bz + 0.16f, bx + 0.17f, by - 0.1f, bz + 0.19f);
    inPlace = hamacher(inPlace, hamacher(above, below));
    float graspX = e->obj[0] + PEG_GRASP_DX;
    float graspY = e->obj[1];
    float graspZ = e->obj[2] + PEG_GRASP_DZ;
    float grasp = cagingHighDensity(e, graspX, graspY, graspZ, e->obj0[0], e->obj0[1], PEG_INIT_Z,
                                    0.0075f, 0.03f, 0.005f, grip);
    float tcpToGrasp = norm3(graspX - e->hand[0], graspY - e->hand[1], graspZ - tcpZ(e));
    bool held = tcpToGrasp < 0.08f && openness(e->gap) > 0.0f && graspZ - 0.01f > PEG_INIT_Z;
    if (held) grasp = 1.0f;
    float reward = hamacher(grasp, inPlace);
    if (held) reward += 1.0f + 5.0f * inPlace;
    return reward;
}

// ---- Task dispatch (Task.java's virtual methods) -----------------------------------------------------------------
__device__ void taskReset(int task, Env* e, Rng* r) {
    switch (task) {
        case TASK_REACH: puckReset(e, r, 0.05f, 0.3f, false); break;
        case TASK_PUSH: puckReset(e, r, 0.01f, 0.02f, true); break;
        case TASK_PICK_PLACE: puckReset(e, r, 0.05f, 0.3f, false); break;
        case TASK_DOOR_OPEN: doorReset(e, r); break;
        case TASK_DRAWER_OPEN: drawerReset(e, r, true); break;
        case TASK_DRAWER_CLOSE: drawerReset(e, r, false); break;
        case TASK_BUTTON_PRESS_TOPDOWN: buttonReset(e, r); break;
        case TASK_PEG_INSERT_SIDE: pegReset(e, r); break;
        case TASK_WINDOW_OPEN: windowReset(e, r, true); break;
        case TASK_WINDOW_CLOSE: windowReset(e, r, false); break;
    }
}

__device__ float taskHandInitY(int task) {
    return (task == TASK_BUTTON_PRESS_TOPDOWN || task == TASK_WINDOW_OPEN || task == TASK_WINDOW_CLOSE) ? 0.4f : 0.6f;
}

__device__ float taskPinchWidth(int task, const Env* e) {
    switch (task) {
        case TASK_REACH: case TASK_PUSH: case TASK_PICK_PLACE: { Body b = puckBody(); return bodyPinchWidth(e, &b); }
        case TASK_PEG_INSERT_SIDE: { Body b = pegBody(); return bodyPinchWidth(e, &b); }
        case TASK_DRAWER_OPEN: case TASK_DRAWER_CLOSE: return drawerPinchWidth(e);
        case TASK_DOOR_OPEN: return doorPinchWidth(e);
        default: return 0.0f;
    }
}

__device__ void taskInteract(int task, Env* e, float targetGap, float dt) {
    switch (task) {
        case TASK_REACH: case TASK_PUSH: case TASK_PICK_PLACE: { Body b = puckBody(); bodyUpdate(e, &b, targetGap, dt); break; }
        case TASK_PEG_INSERT_SIDE: pegInteract(e, targetGap, dt); break;
        case TASK_DRAWER_OPEN: drawerInteract(e, true); break;
        case TASK_DRAWER_CLOSE: drawerInteract(e, false); break;
        case TASK_BUTTON_PRESS_TOPDOWN: buttonInteract(e, dt); break;
        case TASK_WINDOW_OPEN: windowInteract(e, true); break;
        case TASK_WINDOW_CLOSE: windowInteract(e, false); break;
        case TASK_DOOR_OPEN: doorInteract(e); break;
    }
}

__device__ bool taskSuccess(int task, const Env* e) {
    switch (task) {
        case TASK_REACH: return tcpToGoal(e) <= 0.05f;
        case TASK_PUSH: return objToGoal(e) <= 0.05f;
        case TASK_PICK_PLACE: return objToGoal(e) <= 0.07f;
        case TASK_DOOR_OPEN: return fabsf(e->obj[0] - e->goal[0]) <= 0.08f;
        case TASK_DRAWER_OPEN: return objToGoal(e) <= DRAWER_OPEN_SUCCESS;
        case TASK_DRAWER_CLOSE: return objToGoal(e) <= DRAWER_CLOSE_TARGET_RADIUS + 0.015f;
        case TASK_BUTTON_PRESS_TOPDOWN: return fabsf(e->goal[2] - e->obj[2]) <= 0.02f;
        case TASK_PEG_INSERT_SIDE: return pegHeadToGoal(e, e->obj[0], e->obj[1], e->obj[2]) <= PEG_TARGET_RADIUS;
        case TASK_WINDOW_OPEN: case TASK_WINDOW_CLOSE: return fabsf(e->obj[0] - e->goal[0]) <= WINDOW_SUCCESS;
        default: return false;
    }
}

__device__ float taskReward(int task, const Env* e, float grip) {
    switch (task) {
        case TASK_REACH: return reachReward(e);
        case TASK_PUSH: return pushReward(e, grip);
        case TASK_PICK_PLACE: return pickPlaceReward(e, grip);
        case TASK_DOOR_OPEN: return doorReward(e, grip);
        case TASK_DRAWER_OPEN: return drawerOpenReward(e);
        case TASK_DRAWER_CLOSE: return drawerCloseReward(e, grip);
        case TASK_BUTTON_PRESS_TOPDOWN: return buttonReward(e);
        case TASK_PEG_INSERT_SIDE: return pegReward(e, grip);
        case TASK_WINDOW_OPEN: return windowReward(e, true);
        case TASK_WINDOW_CLOSE: return windowReward(e, false);
        default: return 0.0f;
    }
}

/** Writes the 14 object floats (Task.writeObjects and its overrides). */
__device__ void taskWriteObjects(int task, const Env* e, float* f) {
    f[0] = e->obj[0]; f[1] = e->obj[1]; f[2] = e->obj[2];
    f[3] = 0.0f; f[4] = 0.0f; f[5] = 0.0f; f[6] = 1.0f;
    for (int k = 7; k < 14; k++) f[k] = 0.0f;
    if (task == TASK_DOOR_OPEN) {
        // The hinge's rotation composed with the handle geom's frame at q = 0 (DoorOpenTask.writeObjects).
        float half = 0.5f * e->joint;
        float sz = fsin(half);
        float cz = fcos(half);
        f[3] = cz * DOOR_HANDLE_QUAT_X - sz * DOOR_HANDLE_QUAT_Y;
        f[4] = cz * DOOR_HANDLE_QUAT_Y + sz * DOOR_HANDLE_QUAT_X;
        f[5] = cz * DOOR_HANDLE_QUAT_Z + sz * DOOR_HANDLE_QUAT_W;
        f[6] = cz * DOOR_HANDLE_QUAT_W - sz * DOOR_HANDLE_QUAT_Z;
    } else if (task == TASK_PEG_INSERT_SIDE) {
        f[0] = e->obj[0] + PEG_GRASP_DX;
        f[2] = e->obj[2] + PEG_GRASP_DZ;
    } else if (task == TASK_BUTTON_PRESS_TOPDOWN) {
        f[3] = BUTTON_QUAT_X;
        f[6] = BUTTON_QUAT_W;
    } else if (task == TASK_DRAWER_CLOSE || task == TASK_WINDOW_OPEN || task == TASK_WINDOW_CLOSE) {
        // Meta-World's drawer-close and windows return np.zeros(4) for the object quaternion.
        f[6] = 0.0f;
    }
}

// ---- Global state: the SimState arrays and the step outputs -------------------------------------------------------
#define STATE_PARAMS \
    int n, int seed, const int* __restrict__ taskOfEnv, const int* __restrict__ envInTask, \
    float* hand, float* gap, float* hand0, float* obj, float* obj0, float* objVz, unsigned char* grasped, \
    float* graspOffset, float* joint, float* fixture, float* goal, int* stepCount, int* episode, \
    float* episodeReturn, unsigned char* episodeSuccess, \
    float* obs, float* rewards, unsigned char* successes, unsigned char* dones, \
    float* finalObs, float* finalReturns, unsigned char* finalSuccesses

__device__ void load3(float* dst, const float* src, int i) { dst[0] = src[3 * i]; dst[1] = src[3 * i + 1]; dst[2] = src[3 * i + 2]; }
__device__ void store3(float* dst, const float* src, int i) { dst[3 * i] = src[0]; dst[3 * i + 1] = src[1]; dst[3 * i + 2] = src[2]; }

/**
 * EnvStepper.writeObservation into this env's staged row: current frame, previous frame, goal.
 * The previous frame is the last observation's current frame, which sim_step has already put in
 * row[18..35]; when fresh (at reset) it is the current frame again. The GPU therefore needs no
 * separate previous-frame array: the observation buffer carries it from step to step.
 */
__device__ void writeObservation(int task, const Env* e, bool fresh, float* row) {
    row[0] = clampf(e->hand[0], -0.525f, 0.525f);
    row[1] = clampf(e->hand[1], 0.348f, 1.025f);
    row[2] = clampf(e->hand[2], -0.0525f, 0.7f);
    row[3] = openness(e->gap);
    taskWriteObjects(task, e, row + 4);
    if (fresh) {
        for (int k = 0; k < FRAME; k++) row[FRAME + k] = row[k];
    }
    row[36] = e->goal[0];
    row[37] = e->goal[1];
    row[38] = e->goal[2];
}

/** EnvStepper.reset: hand, fingers and bookkeeping, then the task's scene; episode stays. */
__device__ void resetEnv(int task, Env* e, int seed, int envIdx, float* row) {
    setV(e->hand, 0.0f, taskHandInitY(task), 0.2f);
    e->gap = OPEN_GAP;
    e->grasped = 0;
    e->objVz = 0.0f;
    setV(e->graspOffset, 0.0f, 0.0f, 0.0f);
    e->joint = 0.0f;
    e->step = 0;
    e->episodeReturn = 0.0f;
    e->episodeSuccess = 0;
    Rng r;
    rngPosition(&r, (uint32_t)seed, STREAM_RESET, (uint32_t)task, (uint32_t)envIdx, (uint32_t)e->episode);
    taskReset(task, e, &r);
    for (int k = 0; k < 3; k++) {
        e->obj0[k] = e->obj[k];
        e->hand0[k] = e->hand[k];
    }
    writeObservation(task, e, true, row);
}

__device__ void loadEnv(Env* e, int i, STATE_PARAMS) {
    load3(e->hand, hand, i);
    e->gap = gap[i];
    load3(e->hand0, hand0, i);
    load3(e->obj, obj, i);
    load3(e->obj0, obj0, i);
    e->objVz = objVz[i];
    e->grasped = grasped[i];
    // The grasp offset matters only while an object is held (FreeBody.update).
    if (e->grasped != 0) {
        load3(e->graspOffset, graspOffset, i);
    } else {
        setV(e->graspOffset, 0.0f, 0.0f, 0.0f);
    }
    e->joint = joint[i];
    load3(e->fixture, fixture, i);
    load3(e->goal, goal, i);
    e->step = stepCount[i];
    e->episode = episode[i];
    e->episodeReturn = episodeReturn[i];
    e->episodeSuccess = episodeSuccess[i];
}

__device__ void storeEnv(const Env* e, int i, bool sceneChanged, bool graspStarted, STATE_PARAMS) {
    store3(hand, e->hand, i);
    gap[i] = e->gap;
    store3(obj, e->obj, i);
    objVz[i] = e->objVz;
    grasped[i] = (unsigned char)e->grasped;
    joint[i] = e->joint;
    stepCount[i] = e->step;
    episodeReturn[i] = e->episodeReturn;
    episodeSuccess[i] = (unsigned char)e->episodeSuccess;
    if (graspStarted) {
        store3(graspOffset, e->graspOffset, i);
    }
    if (sceneChanged) {
        // Written only at reset: the episode number, the scene's fixed parts and the reset-time references.
        episode[i] = e->episode;
        store3(hand0, e->hand0, i);
        store3(obj0, e->obj0, i);
        store3(fixture, e->fixture, i);
        store3(goal, e->goal, i);
    }
}

#define STATE_ARGS n, seed, taskOfEnv, envInTask, hand, gap, hand0, obj, obj0, objVz, grasped, graspOffset, joint, \
    fixture, goal, stepCount, episode, episodeReturn, episodeSuccess, obs, rewards, successes, dones, \
    finalObs, finalReturns, finalSuccesses

// Observation rows are 156 bytes: a thread writing its own row would scatter a warp's stores
// across 32 rows. Each block stages its rows in shared memory and writes them out cooperatively,
// so those stores are coalesced.
#define BLOCK 128

__device__ int blockEnvCount(int n) {
    int count = n - blockIdx.x * BLOCK;
    return count < BLOCK ? count : BLOCK;
}

__device__ void stageOut(float* global, const float* staged, int width, int n) {
    size_t base = (size_t)blockIdx.x * BLOCK * width;
    int total = blockEnvCount(n) * width;
    for (int k = threadIdx.x; k < total; k += BLOCK) global[base + k] = staged[k];
}

/** Resets every env to episode 0 (CpuVecEnv.reset). Launch with BLOCK threads per block. */
extern "C" __global__ void __launch_bounds__(BLOCK) sim_reset(STATE_PARAMS) {
    __shared__ float rows[BLOCK * OBS_SIZE];
    int i = blockIdx.x * BLOCK + threadIdx.x;
    if (i < n) {
        int task = taskOfEnv[i];
        Env e = {};  // zero, like freshly allocated Java arrays: tasks without a fixture keep (0, 0, 0)
        resetEnv(task, &e, seed, envInTask[i], rows + OBS_SIZE * threadIdx.x);
        rewards[i] = 0.0f;
        successes[i] = 0;
        dones[i] = 0;
        storeEnv(&e, i, true, true, STATE_ARGS);
    }
    __syncthreads();
    stageOut(obs, rows, OBS_SIZE, n);
}

/** One control step of every env (EnvStepper.step), actions[4i..4i+3] for env i. */
extern "C" __global__ void __launch_bounds__(BLOCK) sim_step(const float* __restrict__ actions, STATE_PARAMS) {
    __shared__ float rows[BLOCK * OBS_SIZE];
    int i = blockIdx.x * BLOCK + threadIdx.x;
    if (i < n) {
        float* row = rows + OBS_SIZE * threadIdx.x;
        // Last step's current frame becomes this step's previous frame.
        const float* lastRow = obs + (size_t)OBS_SIZE * i;
        for (int k = 0; k < FRAME; k++) row[FRAME + k] = lastRow[k];
        int task = taskOfEnv[i];
        Env e;
        loadEnv(&e, i, STATE_ARGS);
        float ax = clampf(actions[4 * i], -1.0f, 1.0f);
        float ay = clampf(actions[4 * i + 1], -1.0f, 1.0f);
        float az = clampf(actions[4 * i + 2], -1.0f, 1.0f);
        float grip = clampf(actions[4 * i + 3], -1.0f, 1.0f);
        float tx = clampf(e.hand[0] + ax * ACTION_SCALE, HAND_LOW_X, HAND_HIGH_X);
        float ty = clampf(e.hand[1] + ay * ACTION_SCALE, HAND_LOW_Y, HAND_HIGH_Y);
        float tz = clampf(e.hand[2] + az * ACTION_SCALE, HAND_LOW_Z, HAND_HIGH_Z);
        float dx = (tx - e.hand[0]) / (float)SUBSTEPS;
        float dy = (ty - e.hand[1]) / (float)SUBSTEPS;
        float dz = (tz - e.hand[2]) / (float)SUBSTEPS;
        float targetGap = targetGapFor(grip);
        float subDt = CONTROL_DT / (float)SUBSTEPS;
        float gapChange = GAP_RATE / (float)SUBSTEPS;
        bool graspStarted = false;
        for (int sub = 0; sub < SUBSTEPS; sub++) {
            e.hand[0] += dx;
            e.hand[1] += dy;
            e.hand[2] += dz;
            clampHandToBox(&e);
            float pinch = targetGap < e.gap ? taskPinchWidth(task, &e) : 0.0f;
            moveFingers(&e, targetGap, pinch, gapChange);
            // The wall first, so a held object follows the hand where the wall leaves it.
            sceneInteract(&e);
            int before = e.grasped;
            taskInteract(task, &e, targetGap, subDt);
            graspStarted = graspStarted || (before == 0 && e.grasped != 0);
        }
        clampHandToBox(&e);
        bool success = taskSuccess(task, &e);
        float reward = success ? SUCCESS_REWARD : taskReward(task, &e, grip);
        writeObservation(task, &e, false, row);
        rewards[i] = reward;
        successes[i] = success ? 1 : 0;
        e.episodeReturn += reward;
        if (success) e.episodeSuccess = 1;
        e.step++;
        bool ended = e.step >= EPISODE_LENGTH;
        if (ended) {
            dones[i] = 1;
            float* finalRow = finalObs + (size_t)OBS_SIZE * i;
            for (int k = 0; k < OBS_SIZE; k++) finalRow[k] = row[k];
            finalReturns[i] = e.episodeReturn;
            finalSuccesses[i] = (unsigned char)e.episodeSuccess;
            e.episode++;
            resetEnv(task, &e, seed, envInTask[i], row);
        } else {
            dones[i] = 0;
        }
        storeEnv(&e, i, ended, graspStarted, STATE_ARGS);
    }
    __syncthreads();
    stageOut(obs, rows, OBS_SIZE, n);
}
