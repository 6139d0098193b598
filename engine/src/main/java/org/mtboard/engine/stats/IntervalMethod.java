package org.mtboard.engine.stats;

import java.util.Arrays;
import java.util.List;

/** Bootstrap confidence-interval methods (arch's conf_int as rliable calls it; STATS.md section 4). */
public enum IntervalMethod {
    PERCENTILE("percentile"),
    BASIC("basic"),
    BC("bc"),
    BCA("bca");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a method name; bc also answers to rliable's aliases debiased and bias-corrected. */
    public static IntervalMethod parse(String name) {
        String n = name.trim().toLowerCase();
        if (n.equals("debiased") || n.equals("bias-corrected")) {
            return BC;
        }
        for (IntervalMethod method : values()) {
            if (method.label.equals(n)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown interval method '" + name + "'; allowed: " + labels());
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(IntervalMethod::label).toList();
    }
}
