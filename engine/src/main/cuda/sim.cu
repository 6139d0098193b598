// MTBoard's batched simulator on the GPU: one thread per env. This is a line-by-line
// transliteration of the Java CPU backend (engine/src/main/java/org/mtboard/engine/sim and
// sim/tasks) with the same float32 operation order, so both backends produce bit-identical
// trajectories. Build without FMA contraction and with IEEE division and sqrt:
//   nvcc -ptx -arch=compute_80 --fmad=false -prec-div=true -prec-sqrt=true sim.cu -o sim.ptx
// Any change to the Java simulator must be mirrored here; `mtboard sim parity` checks it.
// The kernel keeps an env's state in registers (struct Env) for the whole control step.

#include <stdint.h>

// ---- Task catalog indices (TaskId ordinals, frozen by protocol v1) ----------------------------
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
#define OPEN_GAP 0.1f
#define GAP_RATE 0.025f
#define PAD_HALF_X 0.01f
#define PAD_THICKNESS 0.01f
#define PAD_BOTTOM (-0.01f)
#define PAD_TOP 0.03f
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

__device__ float handVsSlidingBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez,
                                  int axis, float q, float qMin, float qMax) {
    for (int side = -1; side <= 1; side += 2) {
        float dx = e->hand[0] - cx;
        float dy = padCenterY(e, side) - cy;
        float dz = padCenterZ(e) - cz;
        float ox = PAD_HALF_X + ex - fabsf(dx);
        float oy = halfPadThickness() + ey - fabsf(dy);
        float oz = padHalfZ() + ez - fabsf(dz);
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

__device__ void handVsFixedBox(Env* e, float cx, float cy, float cz, float ex, float ey, float ez) {
    handVsSlidingBox(e, cx, cy, cz, ex, ey, ez, NO_JOINT, 0.0f, 0.0f, 0.0f);
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

__device__ bool betweenPads(const Env* e, const Body* b) {
    return fabsf(e->obj[1] - e->hand[1]) < 0.5f * e->gap
        && fabsf(e->obj[0] - e->hand[0]) < b->halfLen + PAD_HALF_X
        && fabsf(e->obj[2] - padCenterZ(e)) < b->halfHeight + padHalfZ();
}

__device__ float bodyPinchWidth(const Env* e, const Body* b) {
    return e->grasped != 0 || betweenPads(e, b) ? 2.0f * b->radius : 0.0f;
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

__device__ void bodyUpdate(Env* e, const Body* b, float targetGap, float dt) {
    float width = 2.0f * b->radius;
    if (e->grasped != 0) {
        if (targetGap > width + 0.002f) {
            e->grasped = 0;
        } else {
            e->obj[0] = e->hand[0] + e->graspOffset[0];
            e->obj[1] = e->hand[1];
            e->obj[2] = e->hand[2] + e->graspOffset[2];
            if (e->obj[2] < b->restZ) {
                e->hand[2] += b->restZ - e->obj[2];
                e->obj[2] = b->restZ;
            }
            return;
        }
    }
    if (betweenPads(e, b)) {
        float room = 0.5f * e->gap - b->radius;
        float hy = e->hand[1];
        e->obj[1] = room > 0.0f ? clampf(e->obj[1], hy - room, hy + room) : hy;
        if (e->gap <= width + 1e-4f && targetGap < width) {
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
}

__device__ __forceinline__ Body puckBody() { Body b = {0.0f, 0.02f, 0.02f, 0.02f}; return b; }
__device__ __forceinline__ Body pegBody() { Body b = {0.1f, 0.02f, 0.02f, 0.02f}; return b; }

__device__ __forceinline__ void setV(float* v, float x, float y, float z) { v[0] = x; v[1] = y; v[2] = z; }

__device__ float objToGoal(const Env* e) {
    return norm3(e->obj[0] - e->goal[0], e->obj[1] - e->goal[1], e->obj[2] - e->goal[2]);
}

__device__ float tcpToObj(const Env* e) {
    return norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
}

// ---- Rewards.cagingHighDensity -------------------------------------------------------------------------
__device__ float cagingHighDensity(const Env* e, float objX, float objY, float objZ, float obj0X, float obj0Y, float obj0Z,
                                   float objRadius, float padSuccess, float xzThresh, float gripCommand) {
    float hy = e->hand[1];
    float halfGap = 0.5f * e->gap;
    float leftPadY = hy - halfGap;
    float rightPadY = hy + halfGap;
    float hy0 = e->hand0[1];
    float halfGap0 = 0.5f * OPEN_GAP;
    float leftMargin = fabsf(fabsf(hy0 - halfGap0 - obj0Y) - padSuccess);
    float rightMargin = fabsf(fabsf(hy0 + halfGap0 - obj0Y) - padSuccess);
    float leftCaging = longTail(fabsf(leftPadY - objY), objRadius, padSuccess, leftMargin);
    float rightCaging = longTail(fabsf(rightPadY - objY), objRadius, padSuccess, rightMargin);
    float cagingY = hamacher(leftCaging, rightCaging);
    float tcpX = e->hand[0];
    float tcpZv = e->hand[2] - TCP_OFFSET;
    float tcp0X = e->hand0[0];
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float xzMargin = norm2(obj0X - tcp0X, obj0Z - tcp0Z) - xzThresh;
    float cagingXz = longTail(norm2(tcpX - objX, tcpZv - objZ), 0.0f, xzThresh, xzMargin);
    float gripperClosed = clampf(gripCommand, 0.0f, 1.0f);
    float caging = hamacher(cagingY, cagingXz);
    float gripping = caging > 0.97f ? gripperClosed : 0.0f;
    float cagingAndGripping = hamacher(caging, gripping);
    return 0.5f * (cagingAndGripping + caging);
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
    if (tcpToObj(e) < 0.02f && e->gap / OPEN_GAP > 0.0f) reward += 1.0f + 5.0f * inPlace;
    return reward;
}

__device__ float pickPlaceReward(const Env* e, float grip) {
    float inPlace = longTail(objToGoal(e), 0.0f, 0.05f, objToGoalAtReset(e));
    float grasp = puckCaging(e, grip);
    float reward = hamacher(grasp, inPlace);
    bool lifted = e->obj[2] - 0.01f > e->obj0[2];
    if (tcpToObj(e) < 0.02f && e->gap / OPEN_GAP > 0.0f && lifted) reward += 1.0f + 5.0f * inPlace;
    return reward;
}

// ---- Drawer tasks (DrawerTask.java, DrawerOpenTask.java, DrawerCloseTask.java) -------------------------
#define DRAWER_HANDLE_DY (-0.16f)
#define DRAWER_HANDLE_Z 0.09f

__device__ void drawerPlaceHandle(Env* e) {
    setV(e->obj, e->fixture[0], e->fixture[1] + DRAWER_HANDLE_DY + e->joint, DRAWER_HANDLE_Z);
}

__device__ void drawerReset(Env* e, Rng* r, bool opening) {
    float rx = rngUniform(r, -0.1f, 0.1f);
    setV(e->fixture, rx, 0.9f, 0.0f);
    e->joint = opening ? 0.0f : -0.15f;
    drawerPlaceHandle(e);
    if (opening) setV(e->goal, rx, 0.9f + DRAWER_HANDLE_DY - 0.2f, DRAWER_HANDLE_Z);
    else setV(e->goal, rx, 0.9f + DRAWER_HANDLE_DY, DRAWER_HANDLE_Z);
}

__device__ float drawerPinchWidth(const Env* e) {
    bool between = fabsf(e->obj[1] - e->hand[1]) < 0.5f * e->gap
        && fabsf(e->obj[0] - e->hand[0]) < 0.06f + PAD_HALF_X
        && fabsf(e->obj[2] - padCenterZ(e)) < 0.01f + padHalfZ();
    return between ? 2.0f * 0.01f : 0.0f;
}

__device__ void drawerInteract(Env* e) {
    float rootX = e->fixture[0];
    float rootY = e->fixture[1];
    handVsFixedBox(e, rootX, rootY + 0.0f, 0.12f, 0.11f, 0.09f, 0.04f);
    float q = e->joint;
    float handleY = rootY + DRAWER_HANDLE_DY + q;
    q = handVsSlidingBox(e, rootX, handleY, DRAWER_HANDLE_Z, 0.06f, 0.01f, 0.01f, 1, q, -0.2f, 0.0f);
    handleY = rootY + DRAWER_HANDLE_DY + q;
    q = handVsSlidingBox(e, rootX, handleY + 0.07f + 0.08f, 0.04f, 0.1f, 0.08f, 0.04f, 1, q, -0.2f, 0.0f);
    e->joint = q;
    drawerPlaceHandle(e);
}

__device__ float drawerOpenReward(const Env* e) {
    float open = longTail(objToGoal(e), 0.0f, 0.02f, 0.2f);
    float err = norm3(3.0f * (e->obj[0] - e->hand[0]), 3.0f * (e->obj[1] - e->hand[1]), e->obj[2] - tcpZ(e));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float err0 = norm3(3.0f * (e->obj0[0] - e->hand0[0]), 3.0f * (e->obj0[1] - e->hand0[1]), e->obj0[2] - tcp0Z);
    float caging = longTail(err, 0.0f, 0.01f, err0);
    return 5.0f * (caging + open);
}

__device__ float drawerCloseReward(const Env* e, float grip) {
    float d0 = norm3(e->obj0[0] - e->goal[0], e->obj0[1] - e->goal[1], e->obj0[2] - e->goal[2]);
    float inPlace = longTail(objToGoal(e), 0.0f, 0.04f, fabsf(d0 - 0.04f));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float reach0 = norm3(e->obj0[0] - e->hand0[0], e->obj0[1] - e->hand0[1], e->obj0[2] - tcp0Z);
    float reachDist = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float reach = hamacher(gaussianTol(reachDist, 0.0f, 0.005f, fabsf(reach0 - 0.005f)), clampf(grip, 0.0f, 1.0f));
    return 10.0f * hamacher(reach, inPlace);
}

// ---- button-press-topdown (ButtonPressTopdownTask.java) ------------------------------------------------
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

__device__ void buttonInteract(Env* e) {
    float bx = e->fixture[0];
    float by = e->fixture[1];
    handVsFixedBox(e, bx, by, 0.1025f, 0.12f, 0.1f, 0.1025f);
    float q = e->joint;
    float capCenterZ = e->fixture[2] + 0.193f + q - 0.011f;
    e->joint = handVsSlidingBox(e, bx, by, capCenterZ, 0.065f, 0.065f, 0.011f, 2, q, -0.09f, 0.0f);
    buttonPlaceCap(e);
}

__device__ float buttonReward(const Env* e) {
    float tcpToObjV = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float margin = norm3(e->obj[0] - e->hand0[0], e->obj[1] - e->hand0[1], e->obj[2] - tcp0Z);
    float near = longTail(tcpToObjV, 0.0f, 0.01f, margin);
    float openness = clampf(e->gap / OPEN_GAP, 0.0f, 1.0f);
    float reward = 5.0f * hamacher(1.0f - openness, near);
    if (tcpToObjV <= 0.03f) {
        float pressed = longTail(fabsf(e->goal[2] - e->obj[2]), 0.0f, 0.005f, fabsf(e->goal[2] - e->obj0[2]));
        reward += 5.0f * pressed;
    }
    return reward;
}

// ---- windows (WindowTask.java) ----------------------------------------------------------------------------
__device__ void windowPlaceHandle(Env* e) {
    setV(e->obj, e->fixture[0] + e->joint, e->fixture[1], e->fixture[2]);
}

__device__ void windowReset(Env* e, Rng* r, bool opening) {
    float wx = opening ? rngUniform(r, -0.1f, 0.1f) : rngUniform(r, 0.0f, 0.0f);
    float wy = opening ? rngUniform(r, 0.7f, 0.9f) : rngUniform(r, 0.75f, 0.9f);
    float wz = opening ? 0.16f : 0.2f;
    setV(e->fixture, wx, wy, wz);
    e->joint = opening ? 0.0f : 0.2f;
    setV(e->goal, opening ? wx + 0.2f : wx, wy, wz);
    windowPlaceHandle(e);
}

__device__ void windowInteract(Env* e) {
    e->joint = handVsSlidingBox(e, e->obj[0], e->obj[1], e->obj[2], 0.008f, 0.065f, 0.04f, 0, e->joint, 0.0f, 0.2f);
    windowPlaceHandle(e);
}

__device__ float windowReward(const Env* e, bool opening) {
    float start = fabsf(e->obj0[0] - e->goal[0]);
    float inPlace = longTail(fabsf(e->obj[0] - e->goal[0]), 0.0f, 0.05f, fabsf(start - 0.05f));
    float tcp0Z = e->hand0[2] - TCP_OFFSET;
    float reach0 = norm3(e->obj0[0] - e->hand0[0], e->obj0[1] - e->hand0[1], e->obj0[2] - tcp0Z);
    float reachDist = norm3(e->obj[0] - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    float margin = fabsf(reach0 - 0.02f);
    float reach = opening ? longTail(reachDist, 0.0f, 0.02f, margin) : gaussianTol(reachDist, 0.0f, 0.02f, margin);
    return 10.0f * hamacher(reach, inPlace);
}

// ---- door-open (DoorOpenTask.java) -----------------------------------------------------------------------------
#define DOOR_HINGE_DX (-0.185f)
#define DOOR_HINGE_DY (-0.1f)

__device__ void doorPlaceHandle(Env* e, float cosQ, float sinQ) {
    float hingeX = e->fixture[0] + DOOR_HINGE_DX;
    float hingeY = e->fixture[1] + DOOR_HINGE_DY;
    setV(e->obj, hingeX + cosQ * 0.376f - sinQ * (-0.107f), hingeY + sinQ * 0.376f + cosQ * (-0.107f), e->fixture[2]);
}

__device__ void doorReset(Env* e, Rng* r) {
    float rx = rngUniform(r, 0.0f, 0.1f);
    float ry = rngUniform(r, 0.85f, 0.95f);
    float rz = 0.15f;
    setV(e->fixture, rx, ry, rz);
    setV(e->goal, rx + (-0.3f), ry + (-0.45f), rz);
    e->joint = 0.0f;
    doorPlaceHandle(e, 1.0f, 0.0f);
}

__device__ void doorInteract(Env* e) {
    float hingeX = e->fixture[0] + DOOR_HINGE_DX;
    float hingeY = e->fixture[1] + DOOR_HINGE_DY;
    float z = e->fixture[2];
    float q = e->joint;
    q = handVsSwingingCapsule(e, hingeX, hingeY, fcos(q), fsin(q), 0.305f, -0.12f, 0.455f, -0.12f, 0.02f,
                              z - 0.02f, z + 0.02f, q, -2.0f, 0.0f);
    q = handVsSwingingCapsule(e, hingeX, hingeY, fcos(q), fsin(q), 0.0f, 0.0f, 0.37f, 0.0f, 0.01f,
                              z - 0.123f, z + 0.123f, q, -2.0f, 0.0f);
    e->joint = q;
    doorPlaceHandle(e, fcos(q), fsin(q));
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
#define PEG_HALF_LENGTH 0.1f
#define HOLE_DX 0.03f
#define HOLE_Z 0.13f

__device__ void pegReset(Env* e, Rng* r) {
    float px = 0, py = 0, bx = 0, by = 0;
    for (int attempt = 0; attempt < 64; attempt++) {
        px = rngUniform(r, 0.0f, 0.2f);
        py = rngUniform(r, 0.5f, 0.7f);
        bx = rngUniform(r, -0.35f, -0.25f);
        by = rngUniform(r, 0.4f, 0.7f);
        if (norm2(px - bx, py - by) >= 0.1f) break;
    }
    setV(e->obj, px, py, 0.02f);
    setV(e->fixture, bx, by, 0.0f);
    setV(e->goal, bx + HOLE_DX, by, HOLE_Z);
}

__device__ void pegInteract(Env* e, float targetGap, float dt) {
    float face = e->fixture[0] + HOLE_DX;
    float by = e->fixture[1];
    handVsFixedBox(e, face - 0.5f * 0.13f, by, 0.5f * 0.25f, 0.5f * 0.13f, 0.1f, 0.5f * 0.25f);
    Body peg = pegBody();
    bodyUpdate(e, &peg, targetGap, dt);
    float head = e->obj[0] - PEG_HALF_LENGTH;
    if (head >= face) return;
    float dy = e->obj[1] - by;
    float dz = e->obj[2] - HOLE_Z;
    float pushX;
    if (norm2(dy, dz) <= 0.01f) {
        pushX = fmaxf(0.0f, face - 0.1f - head);
    } else {
        bool overlapsY = fabsf(dy) < 0.1f + 0.02f;
        bool overlapsZ = e->obj[2] - 0.02f < 0.25f;
        pushX = overlapsY && overlapsZ ? face - head : 0.0f;
    }
    if (pushX > 0.0f) {
        e->obj[0] += pushX;
        if (e->grasped != 0) e->hand[0] += pushX;
    }
}

__device__ float scaledHeadToGoal(const Env* e, float headX, float headY, float headZ) {
    return norm3(headX - e->goal[0], 2.0f * (headY - e->goal[1]), 2.0f * (headZ - e->goal[2]));
}

__device__ float pegReward(const Env* e, float grip) {
    float headX = e->obj[0] - PEG_HALF_LENGTH;
    float head0X = e->obj0[0] - PEG_HALF_LENGTH;
    float margin = scaledHeadToGoal(e, head0X, e->obj0[1], e->obj0[2]);
    float inPlace = longTail(scaledHeadToGoal(e, headX, e->obj[1], e->obj[2]), 0.0f, 0.05f, margin);
    float face = e->fixture[0] + HOLE_DX;
    float misalignment = norm2(e->obj[1] - e->goal[1], e->obj[2] - e->goal[2]);
    float corridor = misalignment <= 0.03f ? 1.0f : clampf((headX - face) / 0.05f, 0.0f, 1.0f);
    inPlace = hamacher(inPlace, corridor);
    float grasp = cagingHighDensity(e, headX, e->obj[1], e->obj[2], head0X, e->obj0[1], e->obj0[2],
                                    0.0075f, 0.03f, 0.005f, grip);
    float tcpToHead = norm3(headX - e->hand[0], e->obj[1] - e->hand[1], e->obj[2] - tcpZ(e));
    bool lifted = e->obj[2] - 0.01f > e->obj0[2];
    bool held = tcpToHead < 0.08f && e->gap / OPEN_GAP > 0.0f && lifted;
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
        default: return 0.0f;
    }
}

__device__ void taskInteract(int task, Env* e, float targetGap, float dt) {
    switch (task) {
        case TASK_REACH: case TASK_PUSH: case TASK_PICK_PLACE: { Body b = puckBody(); bodyUpdate(e, &b, targetGap, dt); break; }
        case TASK_PEG_INSERT_SIDE: pegInteract(e, targetGap, dt); break;
        case TASK_DRAWER_OPEN: case TASK_DRAWER_CLOSE: drawerInteract(e); break;
        case TASK_BUTTON_PRESS_TOPDOWN: buttonInteract(e); break;
        case TASK_WINDOW_OPEN: case TASK_WINDOW_CLOSE: windowInteract(e); break;
        case TASK_DOOR_OPEN: doorInteract(e); break;
    }
}

__device__ bool taskSuccess(int task, const Env* e) {
    switch (task) {
        case TASK_REACH: return tcpToGoal(e) <= 0.05f;
        case TASK_PUSH: return objToGoal(e) <= 0.05f;
        case TASK_PICK_PLACE: return objToGoal(e) <= 0.07f;
        case TASK_DOOR_OPEN: return fabsf(e->obj[0] - e->goal[0]) <= 0.08f;
        case TASK_DRAWER_OPEN: return objToGoal(e) <= 0.03f;
        case TASK_DRAWER_CLOSE: return objToGoal(e) <= 0.055f;
        case TASK_BUTTON_PRESS_TOPDOWN: return fabsf(e->goal[2] - e->obj[2]) <= 0.02f;
        case TASK_PEG_INSERT_SIDE: return scaledHeadToGoal(e, e->obj[0] - PEG_HALF_LENGTH, e->obj[1], e->obj[2]) <= 0.07f;
        case TASK_WINDOW_OPEN: case TASK_WINDOW_CLOSE: return fabsf(e->obj[0] - e->goal[0]) <= 0.05f;
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
        float half = 0.5f * e->joint;
        f[5] = fsin(half);
        f[6] = fcos(half);
    } else if (task == TASK_PEG_INSERT_SIDE) {
        f[0] = e->obj[0] - PEG_HALF_LENGTH;
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
    row[3] = clampf(e->gap / OPEN_GAP, 0.0f, 1.0f);
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
        float targetGap = OPEN_GAP * 0.5f * (1.0f - grip);
        float subDt = CONTROL_DT / (float)SUBSTEPS;
        float gapChange = GAP_RATE / (float)SUBSTEPS;
        bool graspStarted = false;
        for (int sub = 0; sub < SUBSTEPS; sub++) {
            e.hand[0] += dx;
            e.hand[1] += dy;
            e.hand[2] += dz;
            clampHandToBox(&e);
            moveFingers(&e, targetGap, taskPinchWidth(task, &e), gapChange);
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
