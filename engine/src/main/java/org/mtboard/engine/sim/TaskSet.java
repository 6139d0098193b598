package org.mtboard.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.mtboard.engine.sim.tasks.TaskRegistry;

/**
 * Which task each env runs. Envs form contiguous blocks in task order; N envs over T tasks give
 * floor(N/T) each and the first N mod T tasks one more (the protocol, DESIGN.md).
 */
public final class TaskSet {
    private final List<Task> tasks;
    private final int[] firstEnv;
    private final int[] envCount;
    private final int numEnvs;

    private TaskSet(List<Task> tasks, int[] envCount) {
        this.tasks = List.copyOf(tasks);
        this.envCount = envCount.clone();
        this.firstEnv = new int[envCount.length];
        int next = 0;
        for (int t = 0; t < envCount.length; t++) {
            firstEnv[t] = next;
            next += envCount[t];
        }
        this.numEnvs = next;
    }

    /** Protocol v1's split of numEnvs over the tasks. */
    public static TaskSet evenSplit(List<TaskId> ids, int numEnvs) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a task set needs at least one task");
        }
        if (numEnvs < ids.size()) {
            throw new IllegalArgumentException("envs must be at least the number of tasks (" + ids.size() + "), got " + numEnvs);
        }
        int[] counts = new int[ids.size()];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = numEnvs / ids.size() + (t < numEnvs % ids.size() ? 1 : 0);
        }
        return withCounts(ids, counts);
    }

    /** Explicit envs per task, in the given order (each at least 1). */
    public static TaskSet withCounts(List<TaskId> ids, int[] envsPerTask) {
        if (ids.size() != envsPerTask.length) {
            throw new IllegalArgumentException("one env count per task is needed");
        }
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < ids.size(); t++) {
            if (envsPerTask[t] < 1) {
                throw new IllegalArgumentException("envs per task must be at least 1, got " + envsPerTask[t]
                        + " for " + ids.get(t).metaWorldName());
            }
            tasks.add(TaskRegistry.create(ids.get(t)));
        }
        return new TaskSet(tasks, envsPerTask);
    }

    public int numEnvs() {
        return numEnvs;
    }

    public int taskCount() {
        return tasks.size();
    }

    public Task task(int t) {
        return tasks.get(t);
    }

    /** The tasks' Meta-World names, in block order. */
    public List<String> names() {
        return tasks.stream().map(task -> task.id().metaWorldName()).toList();
    }

    public int firstEnv(int t) {
        return firstEnv[t];
    }

    public int envCount(int t) {
        return envCount[t];
    }

    /** Block index of the task that env i runs. */
    public int taskOfEnv(int env) {
        for (int t = tasks.size() - 1; t >= 0; t--) {
            if (env >= firstEnv[t]) {
                return t;
            }
        }
        throw new IndexOutOfBoundsException("env " + env);
    }
}
