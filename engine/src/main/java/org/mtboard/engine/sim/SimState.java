package org.mtboard.engine.sim;

/**
 * The whole batch as flat float arrays (structure of arrays), env i's vector components at
 * [3i, 3i+3). Tasks read and write it through their env index; nothing here is per-task, so
 * the same layout moves to the GPU unchanged.
 */
public final class SimState {
    public final int numEnvs;

    // Robot.
    /** Hand body position (Meta-World's mocap hand). tcp = hand - (0, 0, TCP_OFFSET). */
    public final float[] hand;
    /** Gap between the pads' inner faces in metres, MIN_GAP (closed) .. OPEN_GAP. */
    public final float[] gap;
    /** Hand position at reset (reward margins). */
    public final float[] hand0;

    // Scene.
    /** Object 1 position as observed: a free object's position, or a mechanism's handle. */
    public final float[] obj;
    /** Object 1 position at reset (reward margins). */
    public final float[] obj0;
    /** Vertical velocity of a free object that is falling. */
    public final float[] objVz;
    /** 1 while the fingers hold the free object. */
    public final byte[] grasped;
    /** Free object position minus hand position, frozen at the moment of grasp. */
    public final float[] graspOffset;
    /** Joint coordinate of the task's mechanism (metres or radians). */
    public final float[] joint;
    /** The task's fixture: mechanism base or fixed receptacle position. */
    public final float[] fixture;
    /** Goal position (last 3 observation floats). */
    public final float[] goal;

    // Episode bookkeeping.
    public final int[] step;
    public final int[] episode;
    public final float[] episodeReturn;
    public final byte[] episodeSuccess;
    /** The current 18 observation floats of the previous step (the "previous frame" half). */
    public final float[] previousFrame;

    public SimState(int numEnvs) {
        this.numEnvs = numEnvs;
        hand = new float[3 * numEnvs];
        gap = new float[numEnvs];
        hand0 = new float[3 * numEnvs];
        obj = new float[3 * numEnvs];
        obj0 = new float[3 * numEnvs];
        objVz = new float[numEnvs];
        grasped = new byte[numEnvs];
        graspOffset = new float[3 * numEnvs];
        joint = new float[numEnvs];
        fixture = new float[3 * numEnvs];
        goal = new float[3 * numEnvs];
        step = new int[numEnvs];
        episode = new int[numEnvs];
        episodeReturn = new float[numEnvs];
        episodeSuccess = new byte[numEnvs];
        previousFrame = new float[Observation.FRAME * numEnvs];
    }

    /** Every array, in a fixed order, for checkpoints (see {@link StateIo}). */
    Object[] arrays() {
        Object[] onDevice = deviceArrays();
        Object[] all = java.util.Arrays.copyOf(onDevice, onDevice.length + 1);
        all[onDevice.length] = previousFrame;
        return all;
    }

    /**
     * The arrays the CUDA kernels keep in device memory, in this class's (and sim.cu's
     * STATE_PARAMS) order: every one but previousFrame, which sim_step reads from the current
     * frame of the last observation instead.
     */
    public Object[] deviceArrays() {
        return new Object[] {hand, gap, hand0, obj, obj0, objVz, grasped, graspOffset, joint, fixture, goal, step, episode,
            episodeReturn, episodeSuccess};
    }

    public float tcpX(int i) {
        return hand[3 * i];
    }

    public float tcpY(int i) {
        return hand[3 * i + 1];
    }

    public float tcpZ(int i) {
        return hand[3 * i + 2] - Gripper.TCP_OFFSET;
    }

    public void setObj(int i, float x, float y, float z) {
        obj[3 * i] = x;
        obj[3 * i + 1] = y;
        obj[3 * i + 2] = z;
    }

    public void setFixture(int i, float x, float y, float z) {
        fixture[3 * i] = x;
        fixture[3 * i + 1] = y;
        fixture[3 * i + 2] = z;
    }

    public void setGoal(int i, float x, float y, float z) {
        goal[3 * i] = x;
        goal[3 * i + 1] = y;
        goal[3 * i + 2] = z;
    }
}
