package org.mtboard.engine.rng;

/**
 * A cursor over one Philox stream: key = (run seed, stream id), counter = (draw block,
 * episode number, env index within its task, task catalog id). Positioning it costs nothing, so
 * one instance per worker thread is reused for every env (no allocation in the step loop), and a
 * variation depends only on its coordinates, never on batch layout or thread count.
 */
public final class CounterRandom {
    /** Stream for task initial states (object and goal positions). */
    public static final int STREAM_RESET = 0;
    /** Stream for the uniform random policy of {@code sim check --policy random}. */
    public static final int STREAM_RANDOM_POLICY = 1;

    private final int[] block = new int[4];
    private int seed;
    private int stream;
    private int taskId;
    private int envIndex;
    private int episode;
    private int draw;
    private int cachedBlock = -1;

    public CounterRandom position(int seed, int stream, int taskId, int envIndex, int episode, int firstDraw) {
        this.seed = seed;
        this.stream = stream;
        this.taskId = taskId;
        this.envIndex = envIndex;
        this.episode = episode;
        this.draw = firstDraw;
        this.cachedBlock = -1;
        return this;
    }

    public int nextInt() {
        int blockIndex = draw >>> 2;
        if (blockIndex != cachedBlock) {
            Philox.block(blockIndex, episode, envIndex, taskId, seed, stream, block, 0);
            cachedBlock = blockIndex;
        }
        return block[draw++ & 3];
    }

    /** Uniform in [0, 1). */
    public float nextFloat() {
        return Philox.toUnitFloat(nextInt());
    }

    /** Uniform in [lo, hi); equals lo when lo == hi. */
    public float uniform(float lo, float hi) {
        return lo + (hi - lo) * nextFloat();
    }

    public int drawsUsed() {
        return draw;
    }
}
