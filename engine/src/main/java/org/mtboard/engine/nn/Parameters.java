package org.mtboard.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named trainable arrays in one long-lived manager. Initial values come from the run seed
 * through our own generator (not DJL's), so they are identical on every engine and device;
 * values can be exported to and restored from float arrays for checkpoints and checksums.
 */
public final class Parameters implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    public Parameters(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    public NDManager manager() {
        return manager;
    }

    /** Adds a trainable array holding values (row-major) of the given shape. */
    public NDArray add(String name, float[] values, Shape shape) {
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " exists already");
        }
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        arrays.put(name, array);
        return array;
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    public List<String> names() {
        return new ArrayList<>(arrays.keySet());
    }

    public List<NDArray> all() {
        return new ArrayList<>(arrays.values());
    }

    /** Every parameter's values, in name order of insertion. */
    public Map<String, float[]> export() {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    /** Overwrites parameter values (same names and sizes) without touching gradients. */
    public void restore(Map<String, float[]> values) {
        if (!values.keySet().equals(arrays.keySet())) {
            throw new IllegalArgumentException("checkpoint parameters " + values.keySet() + " do not match " + arrays.keySet());
        }
        arrays.forEach((name, array) -> {
            float[] v = values.get(name);
            if (v.length != array.size()) {
                throw new IllegalArgumentException("parameter " + name + " has " + array.size() + " values, checkpoint " + v.length);
            }
            array.set(v);
        });
    }

    @Override
    public void close() {
        manager.close();
    }
}
