package org.mtboard.engine.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.List;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;
import org.mtboard.engine.sim.TaskSet;

/**
 * Each task against Meta-World v2.0.0's own formulas (docs/tasks.md has the file and line of
 * every number used here). Success: hand-built states on either side of the edge that the
 * source's success expression and geometry put in terms of the joint or the peg head. Rewards:
 * states whose values were computed by hand (in double precision, from the source's formulas)
 * and are written here as numbers.
 */
class MetaWorldConformanceTest {
    private static final float REWARD_TOLERANCE = 2e-5f;

    /** One env with every vector set by the test: nothing is sampled. */
    private static SimState state() {
        SimState s = new SimState(1);
        s.gap[0] = Gripper.OPEN_GAP;
        setHand(s, 0.0f, 0.6f, 0.2f);
        System.arraycopy(s.hand, 0, s.hand0, 0, 3);
        return s;
    }

    private static void setHand(SimState s, float x, float y, float z) {
        s.hand[0] = x;
        s.hand[1] = y;
        s.hand[2] = z;
    }

    private static void setObj0(SimState s, float x, float y, float z) {
        s.obj0[0] = x;
        s.obj0[1] = y;
        s.obj0[2] = z;
    }

    @Nested
    class SuccessEdges {
        /** Handle x = root - 0.185 + 0.37572 cos q + 0.10714 sin q, within 0.08 of root - 0.3. */
        @ParameterizedTest(name = "door q = {0}: success {1}")
        @CsvSource({"-1.3807, false", "-1.3847, true", "-1.6, true", "-1.8136, true", "-1.8176, false", "-2.0, false", "0.0, false"})
        void doorOpenIsAWindowOfAngles(float q, boolean success) {
            DoorOpenTask task = new DoorOpenTask();
            SimState s = state();
            s.setFixture(0, 0.05f, 0.9f, 0.15f);
            s.setGoal(0, 0.05f - 0.3f, 0.9f - 0.45f, 0.15f);
            s.joint[0] = q;
            DoorOpenTask.placeHandle(s, 0, FMath.cos(q), FMath.sin(q));
            assertEquals(success, task.isSuccess(s, 0), "door at q = " + q);
        }

        /** Observed handle = root + (0, -0.17 + q, 0.09); goal root + (0, -0.36, 0.09): |0.19 + q| <= 0.03. */
        @ParameterizedTest(name = "drawer-open q = {0}: success {1}")
        @CsvSource({"0.0, false", "-0.159, false", "-0.161, true", "-0.2, true"})
        void drawerOpenNeedsTheDrawerAtItsStop(float q, boolean success) {
            DrawerOpenTask task = new DrawerOpenTask();
            SimState s = state();
            s.setFixture(0, 0.05f, 0.9f, 0.0f);
            task.setGoal(s, 0, 0.05f, 0.9f);
            s.joint[0] = q;
            task.placeHandle(s, 0);
            assertEquals(success, task.isSuccess(s, 0), "drawer at q = " + q);
        }

        /**
         * Observed point root + (0, -0.17 + q, 0.14) against root + (0, -0.16, 0.09), radius
         * 0.05 + 0.015: sqrt((q - 0.01)^2 + 0.05^2) <= 0.065, q >= -0.03153. The review's
         * -0.012 / -0.02 pair assumed radius 0.04; both are inside the real edge.
         */
        @ParameterizedTest(name = "drawer-close q = {0}: success {1}")
        @CsvSource({"-0.15, false", "-0.0325, false", "-0.0305, true", "-0.02, true", "-0.012, true", "0.0, true"})
        void drawerCloseMeasuresFiveCentimetresAboveTheHandle(float q, boolean success) {
            DrawerCloseTask task = new DrawerCloseTask();
            SimState s = state();
            s.setFixture(0, -0.05f, 0.9f, 0.0f);
            task.setGoal(s, 0, -0.05f, 0.9f);
            s.joint[0] = q;
            task.placeHandle(s, 0);
            assertEquals(0.14f, s.obj[2], 1e-6f, "observed point is 5 cm above the handle");
            assertEquals(success, task.isSuccess(s, 0), "drawer at q = " + q);
        }

        /** Cap top z = box + 0.193 + q against the hole site box + 0.1: |0.093 + q| <= 0.02. */
        @ParameterizedTest(name = "button q = {0}: success {1}")
        @CsvSource({"0.0, false", "-0.06, false", "-0.0725, false", "-0.0735, true", "-0.09, true"})
        void buttonNeedsPressingPastTheXmlLimit(float q, boolean success) {
            ButtonPressTopdownTask task = new ButtonPressTopdownTask();
            SimState s = state();
            s.setFixture(0, 0.0f, 0.85f, ButtonPressTopdownTask.BOX_Z);
            s.setGoal(0, 0.0f, 0.85f, ButtonPressTopdownTask.BOX_Z + ButtonPressTopdownTask.GOAL_DZ);
            s.joint[0] = q;
            ButtonPressTopdownTask.placeCap(s, 0);
            assertEquals(success, task.isSuccess(s, 0), "button at q = " + q);
        }

        /**
         * The button's spring (stiffness 0.5 toward 0.5, damping 1) lifts a released button by
         * dt * 0.5 * (0.5 - q) per substep until it meets its stop at 0.
         */
        @Test
        void releasedButtonRisesOnItsSpring() {
            ButtonPressTopdownTask task = new ButtonPressTopdownTask();
            SimState s = state();
            s.setFixture(0, 0.0f, 0.85f, ButtonPressTopdownTask.BOX_Z);
            s.joint[0] = -0.08f;
            float dt = 0.00625f;
            task.interact(s, 0, Gripper.OPEN_GAP, dt);
            assertEquals(-0.08f + dt * 0.5f * 0.58f, s.joint[0], 1e-7f);
            for (int k = 0; k < 200; k++) {
                task.interact(s, 0, Gripper.OPEN_GAP, dt);
            }
            assertEquals(0.0f, s.joint[0], "back at its stop");
        }

        /** handleOpenStart x = window + q - 0.04 within 0.05 of window + 0.2: q >= 0.19. */
        @ParameterizedTest(name = "window-open q = {0}: success {1}")
        @CsvSource({"0.0, false", "0.15, false", "0.189, false", "0.191, true", "0.2, true"})
        void windowOpenMeasuresAtHandleOpenStart(float q, boolean success) {
            assertEquals(success, windowSuccess(WindowTask.open(), q, 0.2f), "window at q = " + q);
        }

        /** handleCloseStart x = window + q + 0.01 within 0.05 of the window: q <= 0.04. */
        @ParameterizedTest(name = "window-close q = {0}: success {1}")
        @CsvSource({"0.2, false", "0.05, false", "0.041, false", "0.039, true", "0.0, true"})
        void windowCloseMeasuresAtHandleCloseStart(float q, boolean success) {
            assertEquals(success, windowSuccess(WindowTask.close(), q, 0.0f), "window at q = " + q);
        }

        private boolean windowSuccess(WindowTask task, float q, float goalDx) {
            SimState s = state();
            s.setFixture(0, 0.0f, 0.8f, 0.2f);
            s.setGoal(0, goalDx, 0.8f, 0.2f);
            s.joint[0] = q;
            task.placeHandle(s, 0);
            return task.isSuccess(s, 0);
        }

        /**
         * Head = mouth + d on the tunnel's axis (mouth = box + 0.096, target = box + 0.03):
         * success while d <= 0.004, i.e. the tip (2 cm ahead of the head) at least 1.6 cm in.
         * The tip 1 cm outside (d = 0.03) or only 1 cm inside (d = 0.01) is not a success.
         */
        @ParameterizedTest(name = "peg head at mouth + {0}, y off {1}: success {2}")
        @CsvSource({
            "0.03, 0.0, false", "0.01, 0.0, false", "0.005, 0.0, false", "0.003, 0.0, true", "-0.05, 0.0, true",
            // At the tunnel wall (y off 0.015): (0.066 + d)^2 + 4 * 0.015^2 <= 0.07^2, d <= -0.00275.
            "-0.0038, 0.015, true", "-0.0018, 0.015, false"})
        void pegCountsOnlyInsideTheHole(float d, float yOff, boolean success) {
            PegInsertSideTask task = new PegInsertSideTask();
            SimState s = state();
            float bx = -0.3f;
            s.setFixture(0, bx, 0.6f, 0.0f);
            s.setGoal(0, bx + PegInsertSideTask.GOAL_DX, 0.6f, PegInsertSideTask.GOAL_DZ);
            float headX = bx + PegInsertSideTask.HOLE_DX + d;
            s.setObj(0, headX - PegInsertSideTask.HEAD_DX, 0.6f + yOff, 0.13f);
            assertEquals(success, task.isSuccess(s, 0), "head at mouth + " + d);
        }
    }

    @Nested
    class RewardValues {
        /**
         * push-v2's caging (r 0.015, pad 0.05, xz 0.005): pads at hand_y -+ (gap/2 + 0.003) =
         * 0.587 / 0.653; their margins |(|pad - obj0_y|) - 0.05| come from where the pads are now.
         */
        @Test
        void cagingMarginsFollowTheCurrentPads() {
            SimState s = state();
            setHand(s, 0.05f, 0.62f, 0.1f);
            s.gap[0] = 0.06f;
            float value = Rewards.cagingHighDensity(s, 0, 0.04f, 0.66f, 0.02f, 0.03f, 0.65f, 0.02f, 0.015f, 0.05f, 0.005f, 0.7f);
            assertEquals(0.0167046f, value, REWARD_TOLERANCE);
        }

        /** pick-place-v2's own caging: signed pad offsets, margins from the reset pads to the object now. */
        @Test
        void pickPlaceHasItsOwnCaging() {
            SimState s = state();
            setHand(s, 0.05f, 0.62f, 0.1f);
            s.gap[0] = 0.06f;
            assertEquals(0.0813442f, Rewards.cagingPickPlace(s, 0, 0.04f, 0.66f, 0.02f, 0.03f, 0.02f, 0.7f), REWARD_TOLERANCE);
            // Pads 0.023 either side of the puck and the tcp on it: fully caged, gripping at a3 = 1.
            setHand(s, 0.04f, 0.66f, 0.065f);
            s.gap[0] = 0.04f;
            assertEquals(1.0f, Rewards.cagingPickPlace(s, 0, 0.04f, 0.66f, 0.02f, 0.03f, 0.02f, 1.0f), REWARD_TOLERANCE);
        }

        /**
         * window-close at reset: in-place and reach are 0.1 by construction of their margins
         * (|0.21 - 0.05| and the reset reach distance), so 10 * H(0.1, 0.1) = 0.5263. With the
         * tcp on handleCloseStart, 2.4 cm on the bar's +x side, reach is 1 and the reward 1.0;
         * mirrored to the bar's -x side it is 0.99854.
         */
        @Test
        void windowCloseRewardsTheClosingSideOfTheBar() {
            WindowTask task = WindowTask.close();
            SimState s = state();
            setHand(s, 0.0f, 0.4f, 0.2f);
            System.arraycopy(s.hand, 0, s.hand0, 0, 3);
            s.setFixture(0, 0.0f, 0.8f, 0.2f);
            s.setGoal(0, 0.0f, 0.8f, 0.2f);
            s.joint[0] = 0.2f;
            task.placeHandle(s, 0);
            System.arraycopy(s.obj, 0, s.obj0, 0, 3);
            assertEquals(0.21f, s.obj[0], 1e-6f, "handleCloseStart x");
            assertEquals(0.705f, s.obj[1], 1e-6f, "handleCloseStart y");
            assertEquals(0.5263158f, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
            setHand(s, 0.21f, 0.705f, 0.2f + Gripper.TCP_OFFSET);
            assertEquals(1.0f, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
            setHand(s, 0.162f, 0.705f, 0.2f + Gripper.TCP_OFFSET);
            assertEquals(0.9985431f, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
        }

        /** window-open's in-place margin is |0.2 - 0.05| (the window body's start), not the site's 0.24. */
        @Test
        void windowOpenInPlaceMarginUsesTheWindowBody() {
            WindowTask task = WindowTask.open();
            SimState s = state();
            setHand(s, 0.0f, 0.4f, 0.2f);
            System.arraycopy(s.hand, 0, s.hand0, 0, 3);
            s.setFixture(0, 0.0f, 0.8f, 0.16f);
            s.setGoal(0, 0.2f, 0.8f, 0.16f);
            task.placeHandle(s, 0);
            System.arraycopy(s.obj, 0, s.obj0, 0, 3);
            assertEquals(0.4091653f, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
        }

        /** drawer-close at reset (q = -0.15): in-place and reach are 0.1 each, closed gripper: 0.5263. */
        @Test
        void drawerCloseAtReset() {
            DrawerCloseTask task = new DrawerCloseTask();
            SimState s = state();
            s.setFixture(0, 0.05f, 0.9f, 0.0f);
            task.setGoal(s, 0, 0.05f, 0.9f);
            s.joint[0] = DrawerCloseTask.START_OPENING;
            task.placeHandle(s, 0);
            System.arraycopy(s.obj, 0, s.obj0, 0, 3);
            assertEquals(0.58f, s.obj[1], 1e-6f, "observed y");
            assertEquals(0.5263158f, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
            assertEquals(0.0f, task.shapedReward(s, 0, 0.0f), REWARD_TOLERANCE, "an open gripper earns no reach");
        }

        /** drawer-open at reset: caging from the hand body, margin from handle_pos_init = goal + (0, 0.2, 0). */
        @Test
        void drawerOpenAtReset() {
            DrawerOpenTask task = new DrawerOpenTask();
            SimState s = state();
            s.setFixture(0, 0.05f, 0.9f, 0.0f);
            task.setGoal(s, 0, 0.05f, 0.9f);
            task.placeHandle(s, 0);
            System.arraycopy(s.obj, 0, s.obj0, 0, 3);
            assertEquals(0.73f, s.obj[1], 1e-6f, "observed y");
            assertEquals(1.2286351f, task.shapedReward(s, 0, 0.0f), REWARD_TOLERANCE);
        }

        /**
         * peg-insert-side: in-place on the scaled head distance (margin from the reset head at
         * Meta-World's sampled height 0.02), the collision prisms, caging on pegGrasp against the
         * peg body's reset position, and the lift bonus once pegGrasp is 5 mm above 0.02 + 0.01.
         */
        @ParameterizedTest(name = "peg body ({0}, {1}, {2}), hand ({3}, {4}, {5})")
        @CsvSource({
            // resting, tcp at the grasp point's height, fingers on the peg: not lifted.
            "0.1, 0.6, 0.015, 0.13, 0.6, 0.05, 0.12246477",
            // lifted to 0.1 and carried: held, reward H(1, in_place) + 1 + 5 in_place.
            "0.1, 0.62, 0.1, 0.13, 0.62, 0.135, 2.40998516",
            // head inside the collision prism below the mouth: in-place scaled down by 0.1163.
            "-0.07, 0.6, 0.05, -0.04, 0.6, 0.085, 1.62208123"})
        void pegRewards(float px, float py, float pz, float hx, float hy, float hz, float expected) {
            PegInsertSideTask task = new PegInsertSideTask();
            SimState s = state();
            s.setFixture(0, -0.3f, 0.6f, 0.0f);
            s.setGoal(0, -0.3f + PegInsertSideTask.GOAL_DX, 0.6f, PegInsertSideTask.GOAL_DZ);
            setObj0(s, 0.1f, 0.6f, PegInsertSideTask.PEG_REST_Z);
            s.setObj(0, px, py, pz);
            setHand(s, hx, hy, hz);
            s.gap[0] = 2.0f * PegInsertSideTask.PEG_HALF_WIDTH;
            assertEquals(expected, task.shapedReward(s, 0, 0.6f), REWARD_TOLERANCE);
        }

        /** rect_prism_tolerance: 1 outside; inside, the product of per-axis fractions from the zero corner. */
        @Test
        void rectPrismTolerance() {
            assertEquals(0.1162791f, PegInsertSideTask.rectPrism(0.13f, 0.0f, 0.05f, 0.11f, 0.1f, 0.01f, 0.15f, -0.1f, 0.096f), 1e-6f);
            assertEquals(1.0f, PegInsertSideTask.rectPrism(0.16f, 0.0f, 0.05f, 0.11f, 0.1f, 0.01f, 0.15f, -0.1f, 0.096f));
        }

        /** button-press-topdown's pressed margin is |goal_z - buttonStart_z| = 0.0935. */
        @Test
        void buttonPressedMarginFromButtonStart() {
            ButtonPressTopdownTask task = new ButtonPressTopdownTask();
            SimState s = state();
            s.setFixture(0, 0.0f, 0.85f, ButtonPressTopdownTask.BOX_Z);
            s.setGoal(0, 0.0f, 0.85f, ButtonPressTopdownTask.BOX_Z + ButtonPressTopdownTask.GOAL_DZ);
            s.joint[0] = -0.05f;
            ButtonPressTopdownTask.placeCap(s, 0);
            setHand(s, 0.0f, 0.85f, s.obj[2] + Gripper.TCP_OFFSET);
            s.gap[0] = Gripper.MIN_GAP;
            // near = 1 (tcp on the cap), 1 - openness = 0.7, pressed: |0.215 - 0.258| = 0.043 beyond 0.005, margin 0.0935.
            float openness = Gripper.openness(Gripper.MIN_GAP);
            assertEquals(0.3f, openness, 1e-6f, "closed on nothing, Meta-World's finger sites are 0.03 apart");
            double pressedD = (0.043 - 0.005) / 0.0935 * 3.0;
            double expected = 5.0 * (0.7 / (0.7 + 1.0 - 0.7)) + 5.0 / (pressedD * pressedD + 1.0);
            assertEquals((float) expected, task.shapedReward(s, 0, 1.0f), REWARD_TOLERANCE);
        }
    }

    @Nested
    class Grasp {
        /**
         * Meta-World's pads (3 cm wide) close on the puck (radius 0.02) off its centre too; ours
         * grasp it up to half a radius past the pads' edge, at the chord there: dx 0.02 is held with
         * the fingers stopped at 2 sqrt(0.02^2 - 0.005^2); at dx 0.03 the pad only meets the rim.
         */
        @ParameterizedTest(name = "hand {0} from the puck centre: grasped {1}")
        @CsvSource({"0.0, true", "0.02, true", "0.03, false"})
        void puckIsGraspedOffCentreUpToHalfARadiusPastThePads(float dx, boolean grasped) {
            SimState s = state();
            s.setObj(0, 0.0f, 0.65f, PuckTask.OBJ_Z);
            setHand(s, dx, 0.65f, 0.01f + Gripper.TCP_OFFSET);
            float chord = dx <= Gripper.PAD_HALF_X ? 0.04f : 2.0f * (float) Math.sqrt(0.02 * 0.02 - (dx - 0.015) * (dx - 0.015));
            s.gap[0] = grasped ? chord : Gripper.MIN_GAP + 0.02f;
            PuckTask.PUCK.update(s, 0, Gripper.MIN_GAP, 0.00625f);
            assertEquals(grasped, s.grasped[0] != 0);
            if (grasped) {
                assertEquals(chord, PuckTask.PUCK.pinchWidth(s, 0), 1e-6f, "the fingers stop at the chord");
            }
        }
    }

    /**
     * Meta-World's fingers closing around the door's grip stop at the bar. Ours stop where their
     * disc footprints touch it (bar 0.046 plus 5.5 mm a side), so the door stays shut.
     */
    @Test
    void fingersClosingOnTheDoorGripStopAtItAndLeaveTheDoorShut() {
        try (CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(TaskId.DOOR_OPEN), new int[] {1}), 5, 1)) {
            env.reset();
            SimState s = env.state();
            s.hand[0] = s.fixture[0] + DoorOpenTask.HINGE_DX + 0.4f;
            s.hand[1] = s.fixture[1] + DoorOpenTask.HINGE_DY + DoorOpenTask.GRIP_Y;
            s.hand[2] = s.fixture[2];
            float[] close = {0.0f, 0.0f, 0.0f, 1.0f};
            for (int k = 0; k < 6; k++) {
                env.step(close);
            }
            assertEquals(0.046f + 0.011f, s.gap[0], 1e-5f, "the fingers stop at the grip");
            assertEquals(0.0f, s.joint[0], 1e-6f, "the door stays shut");
        }
    }

    /**
     * Meta-World's window policies push the bar with the gripper base above the fingers: with the
     * pads below the bar, the base alone pushes it closed. The bar itself is thin (r 0.008), so
     * closed fingers pass 3 cm in front of it without touching it.
     */
    @Test
    void gripperBasePushesTheWindowBarAndTheBarIsThin() {
        try (CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(TaskId.WINDOW_CLOSE), new int[] {1}), 5, 1)) {
            env.reset();
            SimState s = env.state();
            float barX = s.fixture[0] + s.joint[0] + WindowTask.BAR_DX;
            float barY = s.fixture[1] + WindowTask.BAR_DY;
            float wz = s.fixture[2];
            // Pads from 0.15 to 0.06 below the window's centre, clear of the bar (down to 0.053 below);
            // the base, from 0.084 above the tcp, overlaps it.
            s.hand[0] = barX + 0.06f;
            s.hand[1] = barY;
            s.hand[2] = wz - 0.15f + Gripper.TCP_OFFSET;
            for (int k = 0; k < 6; k++) {
                env.step(new float[] {-1.0f, 0.0f, 0.0f, 1.0f});
            }
            assertTrue(s.joint[0] < 0.2f - 0.02f, "the base pushed the window closed: q = " + s.joint[0]);
            // Closed fingers 3 cm in front of the bar, at its height, sweep past it.
            float q = s.joint[0];
            s.hand[0] = s.fixture[0] + q + WindowTask.BAR_DX + 0.05f;
            s.hand[1] = barY - 0.03f;
            s.hand[2] = wz + Gripper.TCP_OFFSET - 0.02f;
            for (int k = 0; k < 10; k++) {
                env.step(new float[] {-1.0f, 0.0f, 0.0f, 1.0f});
            }
            assertEquals(q, s.joint[0], 1e-7f, "the thin bar is not met 3 cm away");
            // Closed fingers pressing the round bar with the +y finger's face 4 mm short of its centre
            // line (hand 2.2 cm in front) slide around it; head-on a flat face would just push.
            s.hand[0] = s.fixture[0] + q + WindowTask.BAR_DX - 0.03f;
            s.hand[1] = barY - 0.022f;
            float q0 = s.joint[0];
            for (int k = 0; k < 12; k++) {
                env.step(new float[] {1.0f, 0.0f, 0.0f, 1.0f});
            }
            float bar = s.fixture[0] + s.joint[0] + WindowTask.BAR_DX;
            assertTrue(s.hand[0] > bar + 0.03f, "the hand went round the bar: hand x " + s.hand[0] + ", bar x " + bar);
            assertTrue(s.joint[0] - q0 < 0.01f, "it slid past within a few millimetres of pushing: q " + q0 + " -> " + s.joint[0]);
        }
    }

    @Nested
    class Observations {
        @Test
        void pegObservesPegGrasp() {
            PegInsertSideTask task = new PegInsertSideTask();
            SimState s = state();
            s.setObj(0, 0.1f, 0.6f, PegInsertSideTask.PEG_REST_Z);
            float[] obs = new float[14];
            task.writeObjects(s, 0, obs, 0);
            assertEquals(0.13f, obs[0], 1e-6f);
            assertEquals(0.6f, obs[1], 1e-6f);
            assertEquals(0.025f, obs[2], 1e-6f);
            assertEquals(1.0f, obs[6], "unrotated peg, w = 1");
        }

        /** The handle geom's frame as MuJoCo compiles it, turned with the door (values from the compiled model). */
        @ParameterizedTest(name = "door q = {0}")
        @CsvSource({"0.0, 0.690758, -0.150621, 0.690879, 0.151171", "-0.5, 0.632020, -0.316835, 0.632001, 0.317398",
            "-1.5, 0.402751, -0.581055, 0.402464, 0.581540"})
        void doorReportsTheHandleGeomsOrientation(float q, float x, float y, float z, float w) {
            SimState s = state();
            s.joint[0] = q;
            float[] obs = new float[14];
            new DoorOpenTask().writeObjects(s, 0, obs, 0);
            assertEquals(x, obs[3], 2e-6f);
            assertEquals(y, obs[4], 2e-6f);
            assertEquals(z, obs[5], 2e-6f);
            assertEquals(w, obs[6], 2e-6f);
        }

        @Test
        void buttonReportsTheBoxRotation() {
            ButtonPressTopdownTask task = new ButtonPressTopdownTask();
            SimState s = state();
            float[] obs = new float[14];
            task.writeObjects(s, 0, obs, 0);
            // euler (-1.57, 0, 0): x = -sin(0.785), w = cos(0.785).
            assertEquals((float) -Math.sin(0.785), obs[3], 1e-7f);
            assertEquals((float) Math.cos(0.785), obs[6], 1e-7f);
        }

        /** Meta-World's finger servos: targets +-a3 against slides of 0.04 and 0.03. */
        @Test
        void gripCommandFollowsTheServoTargets() {
            assertEquals(Gripper.OPEN_GAP, Gripper.targetGap(-0.5f), 1e-7f, "a3 <= 0 opens");
            assertEquals(Gripper.OPEN_GAP, Gripper.targetGap(0.0f), 1e-7f);
            assertEquals(0.088f - 0.04f, Gripper.targetGap(0.02f), 1e-7f, "each slide closes by a3");
            assertEquals(0.088f - 0.035f - 0.03f, Gripper.targetGap(0.035f), 1e-7f, "the 0.03 slide is at its end");
            assertEquals(Gripper.MIN_GAP, Gripper.targetGap(0.6f), 1e-7f, "Meta-World's peg policy's 0.6 closes fully");
        }

        @Test
        void opennessSpansMetaWorldsRange() {
            assertEquals(1.0f, Gripper.openness(Gripper.OPEN_GAP), 1e-6f);
            assertEquals(0.3f, Gripper.openness(Gripper.MIN_GAP), 1e-6f);
            assertTrue(Gripper.targetGap(1.0f) == Gripper.MIN_GAP && Gripper.targetGap(-1.0f) == Gripper.OPEN_GAP);
            assertFalse(Gripper.openness(Gripper.MIN_GAP) <= 0.0f, "'tcp_opened > 0' holds even closed, as in Meta-World");
        }
    }
}
