"""numpy reference for the stats benchmark (BENCHMARKS.md): 50,000 stratified-bootstrap
replicates of {mean, median, IQM, optimality gap} with 95% percentile intervals, on the same kind
of synthetic success-rate matrix as `mtboard stats bench`.

Two versions: `vectorised` (replicates batched, the fastest numpy form found: fancy-index
gather, np.partition for the IQM) and `loop` (one replicate at a time, as rliable's
StratifiedBootstrap does; timed on fewer replicates and scaled).
Usage: python3 ci/bench/stats_numpy.py RUNS TASKS [REPS] [REPEATS]
"""
import json
import sys
import time

import numpy as np


def matrix(runs, tasks, seed=1):
    rng = np.random.default_rng(seed)
    level = rng.random(tasks)
    x = np.clip(level[None, :] + 0.2 * (rng.random((runs, tasks)) - 0.5), 0.0, 1.0)
    return np.round(x * 50) / 50


def aggregates(samples, gamma=1.0):
    """samples: (B, N, M) -> four arrays of B replicate values."""
    b, n, m = samples.shape
    task_means = samples.mean(axis=1)
    mean = task_means.mean(axis=1)
    median = np.median(task_means, axis=1)
    pooled = samples.reshape(b, n * m)
    k = (n * m) // 4
    if k > 0:
        part = np.partition(pooled, (k, n * m - k - 1), axis=1)
        iqm = part[:, k:n * m - k].mean(axis=1)
    else:
        iqm = pooled.mean(axis=1)
    og = gamma - np.minimum(samples, gamma).mean(axis=(1, 2))
    return mean, median, iqm, og


def vectorised(x, reps, chunk=5000, seed=1):
    rng = np.random.default_rng(seed)
    n, m = x.shape
    cols = np.arange(m)
    outs = [[], [], [], []]
    for start in range(0, reps, chunk):
        b = min(chunk, reps - start)
        idx = rng.integers(0, n, size=(b, n, m))
        for acc, values in zip(outs, aggregates(x[idx, cols])):
            acc.append(values)
    return [np.percentile(np.concatenate(v), [2.5, 97.5]) for v in outs]


def loop(x, reps, seed=1):
    rng = np.random.default_rng(seed)
    n, m = x.shape
    cols = np.arange(m)
    outs = [np.empty(reps) for _ in range(4)]
    for r in range(reps):
        sample = x[rng.integers(0, n, size=(n, m)), cols][None]
        for acc, values in zip(outs, aggregates(sample)):
            acc[r] = values[0]
    return [np.percentile(v, [2.5, 97.5]) for v in outs]


def best_of(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), sorted(times)[len(times) // 2]


if __name__ == "__main__":
    runs, tasks = int(sys.argv[1]), int(sys.argv[2])
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    x = matrix(runs, tasks)
    vec_best, vec_median = best_of(lambda: vectorised(x, reps), repeats)
    loop_reps = 2000
    loop_best, _ = best_of(lambda: loop(x, loop_reps), 1)
    print(json.dumps({
        "runs": runs, "tasks": tasks, "reps": reps, "numpy": np.__version__,
        "vectorised_best_s": vec_best, "vectorised_median_s": vec_median,
        "loop_s_scaled_to_reps": loop_best * reps / loop_reps,
    }))
