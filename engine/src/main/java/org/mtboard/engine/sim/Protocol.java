package org.mtboard.engine.sim;

/**
 * The benchmark protocol this engine implements: the simulator's tasks, observations, rewards
 * and success conditions, and the scoring rules (docs/protocol.md). A benchmark file names the
 * version it was frozen under; results of different versions are never ranked together, and a
 * version the engine no longer implements is refused rather than run on today's simulator.
 */
public final class Protocol {
    /**
     * 1: the first MT10 simulator. 2: every MT10 task checked against Meta-World v2.0.0's source
     * and XML (site offsets, thresholds, blocking geometry, gripper kinematics, caging margins).
     */
    public static final int VERSION = 2;

    private Protocol() {
    }
}
