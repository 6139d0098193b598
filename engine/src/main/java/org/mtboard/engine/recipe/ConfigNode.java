package org.mtboard.engine.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one YAML mapping with checks: every getter knows the field's dotted path, its type and
 * its allowed range, and {@link #rejectUnknownKeys()} names any key nothing asked for. A typo in
 * a submission therefore fails loudly instead of silently falling back to a default.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigNode(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(path, "must be a mapping of keys to values");
        }
        this.node = node;
        this.path = path;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode value(String key, boolean required) {
        known.add(key);
        JsonNode v = node.get(key);
        if ((v == null || v.isNull()) && required) {
            throw new ConfigException(field(key), "is required");
        }
        return v == null || v.isNull() ? null : v;
    }

    /** Declares keys as allowed here even where nothing reads them (optional sections). */
    void allow(List<String> keys) {
        known.addAll(keys);
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    String string(String key, List<String> allowed) {
        JsonNode v = value(key, true);
        if (!v.isTextual()) {
            throw new ConfigException(field(key), "must be text" + (allowed.isEmpty() ? "" : ", one of " + String.join(", ", allowed)));
        }
        String text = v.asText().trim();
        if (!allowed.isEmpty() && !allowed.contains(text)) {
            throw new ConfigException(field(key), "must be one of " + String.join(", ", allowed) + "; got '" + text + "'");
        }
        if (text.isEmpty()) {
            throw new ConfigException(field(key), "must not be empty");
        }
        return text;
    }

    /** A number in [min, max] (exclusive bounds where said); the default applies when absent. */
    double number(String key, double fallback, double min, boolean minInclusive, double max, boolean maxInclusive) {
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new ConfigException(field(key), "must be a number " + range(min, minInclusive, max, maxInclusive) + "; got '" + v.asText() + "'");
        }
        double d = v.asDouble();
        boolean aboveMin = minInclusive ? d >= min : d > min;
        boolean belowMax = maxInclusive ? d <= max : d < max;
        if (!Double.isFinite(d) || !aboveMin || !belowMax) {
            throw new ConfigException(field(key), "must be " + range(min, minInclusive, max, maxInclusive) + "; got " + v.asText());
        }
        return d;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw new ConfigException(field(key), "must be a whole number in [" + min + ", " + max + "]; got '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            throw new ConfigException(field(key), "must be in [" + min + ", " + max + "]; got " + v.asText());
        }
        return (int) d;
    }

    long wholeNumber(String key, long min, long max) {
        JsonNode v = value(key, true);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw new ConfigException(field(key), "must be a whole number in [" + min + ", " + max + "]; got '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            throw new ConfigException(field(key), "must be in [" + min + ", " + max + "]; got " + v.asText());
        }
        return (long) d;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(field(key), "must be true or false; got '" + v.asText() + "'");
        }
        return v.asBoolean();
    }

    /** A non-empty list of whole numbers, each in [min, max]. */
    List<Integer> integers(String key, List<Integer> fallback, int min, int max) {
        JsonNode v = value(key, fallback == null);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new ConfigException(field(key), "must be a non-empty list of whole numbers in [" + min + ", " + max + "]");
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            JsonNode e = v.get(k);
            if (!e.isIntegralNumber() || e.asLong() < min || e.asLong() > max) {
                throw new ConfigException(field(key) + "[" + k + "]", "must be a whole number in [" + min + ", " + max + "]; got '" + e.asText() + "'");
            }
            out.add(e.asInt());
        }
        return List.copyOf(out);
    }

    ConfigNode child(String key) {
        return new ConfigNode(value(key, true), field(key));
    }

    /** Keys of this mapping, for maps whose keys are names (tiers). */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    void rejectUnknownKeys() {
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw new ConfigException(field(key), "unknown key; allowed keys here: " + String.join(", ", known));
            }
        }
    }

    private static String range(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return "in " + (minInclusive ? "[" : "(") + min + ", " + max + (maxInclusive ? "]" : ")");
    }
}
