import java.util.List;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;
import org.mtboard.engine.sim.TaskSet;

/**
 * An experiment, not a test: window-close's shaped reward and the window's joint along a scripted
 * route of tcp waypoints, fingers closed, in our simulator; metaworld/window_close_route.py (whose
 * docstring describes the routes) runs the same routes in Meta-World v2.0.0, and BENCHMARKS.md
 * compares them. Prints, per waypoint, the mean over the envs of the last step's reward, q, success,
 * |tcp - handle point| and tcp.y - handle.y. Args: park-to-closed|bar-drag envs
 */
public final class WindowCloseRoute {
    private static final float[] PARK = {-0.02f, -0.045f, -0.015f};
    private static final float[] PUSHES = {0.01f, 0.03f, 0.05f, 0.10f, 0.17f, 0.21f};

    private record Waypoint(String label, float dx, float dy, float dz, int steps) {
    }

    private static List<Waypoint> route(String name) {
        if (name.equals("bar-drag")) {
            return List.of(
                    new Waypoint("in front of the bar, 3 cm off", -0.02f, -0.05f, -0.015f, 45),
                    new Waypoint("pressing into the bar", -0.02f, -0.01f, -0.015f, 10),
                    new Waypoint("pressing, hand moved -x 2 cm", -0.04f, -0.01f, -0.015f, 10),
                    new Waypoint("pressing, hand moved +x 2 cm back", -0.02f, -0.01f, -0.015f, 10),
                    new Waypoint("released (back 3 cm)", -0.02f, -0.05f, -0.015f, 10),
                    new Waypoint("3 cm off, hand moved -x 2 cm", -0.04f, -0.05f, -0.015f, 10));
        }
        if (!name.equals("park-to-closed")) {
            throw new IllegalArgumentException("route: must be park-to-closed or bar-drag, got " + name);
        }
        List<Waypoint> route = new java.util.ArrayList<>(List.of(
                new Waypoint("parked in front of the bar", PARK[0], PARK[1], PARK[2], 45),
                new Waypoint("parked, moving -x 3 cm (touches nothing)", PARK[0] - 0.03f, PARK[1], PARK[2], 8),
                new Waypoint("back to parked", PARK[0], PARK[1], PARK[2], 8),
                new Waypoint("parked, moving +y into the bar", PARK[0], PARK[1] + 0.03f, PARK[2], 8),
                new Waypoint("back to parked", PARK[0], PARK[1], PARK[2], 8),
                new Waypoint("detour 1: +x past the bar (h.x + 0.005)", 0.005f, PARK[1], PARK[2], 8),
                new Waypoint("detour 2: +y, level with the bar", 0.005f, 0.0f, PARK[2], 8),
                new Waypoint("at the handle point", 0.0f, 0.0f, 0.0f, 8)));
        for (float dx : PUSHES) {
            route.add(new Waypoint(String.format("pushing to h.x - %.2f", dx), -dx, 0.0f, 0.0f, 8));
        }
        return route;
    }

    public static void main(String[] args) {
        List<Waypoint> route = route(args[0]);
        int n = Integer.parseInt(args[1]);
        try (CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(TaskId.WINDOW_CLOSE), new int[] {n}), 5, 1)) {
            env.reset();
            SimState s = env.state();
            float[] handle = new float[3 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(env.observations(), Observation.SIZE * i + Observation.OBJ1_POS, handle, 3 * i, 3);
            }
            float[] act = new float[4 * n];
            System.out.printf("our simulator, window-close-v2, route %s, %d envs%n", args[0], n);
            for (Waypoint w : route) {
                for (int k = 0; k < w.steps(); k++) {
                    float[] o = env.observations();
                    for (int i = 0; i < n; i++) {
                        int b = Observation.SIZE * i;
                        act[4 * i] = clip(25 * (handle[3 * i] + w.dx() - o[b]));
                        act[4 * i + 1] = clip(25 * (handle[3 * i + 1] + w.dy() - o[b + 1]));
                        act[4 * i + 2] = clip(25 * (handle[3 * i + 2] + w.dz() - (o[b + 2] - Gripper.TCP_OFFSET)));
                        act[4 * i + 3] = 1.0f;
                    }
                    env.step(act);
                }
                float[] o = env.observations();
                double reward = 0, q = 0, success = 0, dist = 0, ahead = 0;
                for (int i = 0; i < n; i++) {
                    int b = Observation.SIZE * i;
                    reward += env.rewards()[i];
                    q += s.joint[i];
                    success += env.successes()[i];
                    float dx = o[b] - o[b + 4], dy = o[b + 1] - o[b + 5], dz = o[b + 2] - Gripper.TCP_OFFSET - o[b + 6];
                    dist += Math.sqrt(dx * dx + dy * dy + dz * dz);
                    ahead += dy;
                }
                System.out.printf("%-42s reward %.4f  q %.4f  success %.2f  |tcp-h| %.3f  tcp.y-h.y %.3f%n", w.label(), reward / n, q / n,
                        success / n, dist / n, ahead / n);
            }
        }
    }

    private static float clip(float v) {
        return Math.max(-1.0f, Math.min(1.0f, v));
    }
}
