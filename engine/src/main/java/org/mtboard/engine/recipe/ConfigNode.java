package org.mtboard.engine.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one YAML mapping with checks: every getter knows the field's dotted path, its type and
 * its allowed range, and {@link #rejectUnknownKeys()} names any key nothing asked for. A typo in
 * a submission therefore fails loudly instead of silently falling back to a default.
 *
 * <p>A getter that finds a problem records it and returns its fallback (or null where it has
 * none), so that one pass over a file finds every problem; {@link #throwIfProblems()} then throws
 * them all in one {@link ConfigException}, in document order. A child mapping that is missing or
 * not a mapping is reported once and then reads as empty without further problems.
 */
final class ConfigNode {
    private static final int MAX_SHOWN = 80;

    private final JsonNode node;
    private final String path;
    /** Key indices from the root down to this mapping, to sort problems in document order. */
    private final int[] position;
    private final Problems problems;
    /** Missing or not a mapping, already reported: its getters read fallbacks and report nothing. */
    private final boolean absent;
    private final Set<String> known = new LinkedHashSet<>();
    /** Keys already reported by {@link #reject}: not allowed here, but not unknown either. */
    private final Set<String> reported = new LinkedHashSet<>();

    private ConfigNode(JsonNode node, String path, int[] position, Problems problems, boolean absent) {
        this.node = node;
        this.path = path;
        this.position = position;
        this.problems = problems;
        this.absent = absent;
    }

    /** The root mapping of a file; a document that is not a mapping is its first problem. */
    static ConfigNode root(JsonNode tree) {
        Problems problems = new Problems();
        int[] top = new int[0];
        if (tree == null || !tree.isObject()) {
            problems.add(top, "", "must be a mapping of keys to values", "a mapping");
            return new ConfigNode(JsonNodeFactory.instance.objectNode(), "", top, problems, true);
        }
        return new ConfigNode(tree, "", top, problems, false);
    }

    /** Throws every problem recorded so far in this file, if there is any. */
    void throwIfProblems() {
        problems.throwIfAny();
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where a key is in the document: its index in this mapping, or the mapping's end when missing. */
    private int[] position(String key) {
        int index = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); index++) {
            if (it.next().equals(key)) {
                break;
            }
        }
        return append(position, index);
    }

    private static int[] append(int[] position, int index) {
        int[] out = Arrays.copyOf(position, position.length + 1);
        out[position.length] = index;
        return out;
    }

    /** Records a problem with this key, which is then not also reported as an unknown key. */
    void reject(String key, String message, String allowed) {
        reported.add(key);
        problems.add(position(key), field(key), message, allowed);
    }

    /** Records a problem with this mapping as a whole, placed after its keys (like a missing key). */
    void rejectWhole(String message, String allowed) {
        problems.add(append(position, node.size()), path, message, allowed);
    }

    private JsonNode value(String key, boolean required, String allowed) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required && !absent) {
                problems.add(position(key), field(key), "is required", allowed);
            }
            return null;
        }
        return v;
    }

    /** Declares keys as allowed here even where nothing reads them (optional sections). */
    void allow(List<String> keys) {
        known.addAll(keys);
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    /** False for a mapping that was missing or not a mapping (already reported). */
    boolean present() {
        return !absent;
    }

    /** Required text, one of allowed where that is not empty; on a problem the first allowed value or "". */
    String string(String key, List<String> allowed) {
        String oneOf = allowed.isEmpty() ? "non-empty text" : "one of " + String.join(", ", allowed);
        String fallback = allowed.isEmpty() ? "" : allowed.get(0);
        JsonNode v = value(key, true, oneOf);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            reject(key, "must be text" + (allowed.isEmpty() ? "" : ", one of " + String.join(", ", allowed)), oneOf);
            return fallback;
        }
        String text = v.asText().trim();
        if (!allowed.isEmpty() && !allowed.contains(text)) {
            reject(key, "must be one of " + String.join(", ", allowed) + "; got '" + shown(text) + "'", oneOf);
            return fallback;
        }
        if (text.isEmpty()) {
            reject(key, "must not be empty", oneOf);
            return fallback;
        }
        return text;
    }

    /** A number in [min, max] (exclusive bounds where said); the default applies when absent or wrong. */
    double number(String key, double fallback, double min, boolean minInclusive, double max, boolean maxInclusive) {
        JsonNode v = value(key, false, "");
        if (v == null) {
            return fallback;
        }
        String interval = interval(min, minInclusive, max, maxInclusive);
        if (!v.isNumber()) {
            reject(key, "must be a number in " + interval + "; got '" + shown(v.asText()) + "'", interval);
            return fallback;
        }
        double d = v.asDouble();
        boolean aboveMin = minInclusive ? d >= min : d > min;
        boolean belowMax = maxInclusive ? d <= max : d < max;
        if (!Double.isFinite(d) || !aboveMin || !belowMax) {
            reject(key, "must be in " + interval + "; got " + shown(v.asText()), interval);
            return fallback;
        }
        return d;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode v = value(key, false, "");
        if (v == null) {
            return fallback;
        }
        Long whole = whole(key, v, min, max);
        return whole == null ? fallback : whole.intValue();
    }

    /** A required whole number in [min, max]; null on a problem. */
    Long wholeNumber(String key, long min, long max) {
        JsonNode v = value(key, true, wholeIn(min, max));
        return v == null ? null : whole(key, v, min, max);
    }

    private Long whole(String key, JsonNode v, long min, long max) {
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            reject(key, "must be a whole number in [" + min + ", " + max + "]; got '" + shown(v.asText()) + "'", wholeIn(min, max));
            return null;
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            reject(key, "must be in [" + min + ", " + max + "]; got " + shown(v.asText()), wholeIn(min, max));
            return null;
        }
        return (long) d;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = value(key, false, "");
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            reject(key, "must be true or false; got '" + shown(v.asText()) + "'", "true or false");
            return fallback;
        }
        return v.asBoolean();
    }

    /**
     * A non-empty list of whole numbers, each in [min, max] (each bad entry is its own problem).
     * Required where fallback is null; on a problem the fallback.
     */
    List<Integer> integers(String key, List<Integer> fallback, int min, int max) {
        String list = "a non-empty list of whole numbers in [" + min + ", " + max + "]";
        JsonNode v = value(key, fallback == null, list);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray() || v.isEmpty()) {
            reject(key, "must be " + list, list);
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        boolean bad = false;
        for (int k = 0; k < v.size(); k++) {
            JsonNode e = v.get(k);
            // canConvertToInt first: asInt()/asLong() of a huge integer wrap around into range
            if (!e.isIntegralNumber() || !e.canConvertToInt() || e.asInt() < min || e.asInt() > max) {
                problems.add(append(position(key), k), field(key) + "[" + k + "]",
                        "must be a whole number in [" + min + ", " + max + "]; got '" + shown(e.asText()) + "'", wholeIn(min, max));
                bad = true;
                continue;
            }
            out.add(e.asInt());
        }
        return bad ? fallback : List.copyOf(out);
    }

    /** A required mapping; when missing or not a mapping, reported here and read as empty. */
    ConfigNode child(String key) {
        JsonNode v = value(key, true, "a mapping");
        int[] where = position(key);
        if (v != null && !v.isObject()) {
            reject(key, "must be a mapping of keys to values", "a mapping");
        }
        if (v == null || !v.isObject()) {
            return new ConfigNode(JsonNodeFactory.instance.objectNode(), field(key), where, problems, true);
        }
        return new ConfigNode(v, field(key), where, problems, absent);
    }

    /** Keys of this mapping, for maps whose keys are names (tiers). */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** Each key nothing asked for is a problem of its own. */
    void rejectUnknownKeys() {
        String allowedKeys = String.join(", ", known);
        for (String key : keys()) {
            if (!known.contains(key) && !reported.contains(key)) {
                problems.add(position(key), field(key), "unknown key; allowed keys here: " + allowedKeys,
                        "no such key; allowed keys: " + allowedKeys);
            }
        }
    }

    private static String interval(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return (minInclusive ? "[" : "(") + min + ", " + max + (maxInclusive ? "]" : ")");
    }

    private static String wholeIn(long min, long max) {
        return "a whole number in [" + min + ", " + max + "]";
    }

    /** A value as messages show it: long ones cut short, so a huge value does not make a huge message. */
    static String shown(String value) {
        return value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN - 20) + "... (" + value.length() + " characters)";
    }

    /** The problems of one file, shared by its root and every child mapping. */
    private static final class Problems {
        private record Found(int[] position, int seq, ConfigException.Problem problem) {
        }

        private static final Comparator<Found> DOCUMENT_ORDER =
                Comparator.<Found, int[]>comparing(Found::position, Arrays::compare).thenComparingInt(Found::seq);

        private final List<Found> found = new ArrayList<>();

        void add(int[] position, String field, String message, String allowed) {
            found.add(new Found(position, found.size(), new ConfigException.Problem(field, message, allowed)));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ConfigException(found.stream().sorted(DOCUMENT_ORDER).map(Found::problem).toList());
            }
        }
    }
}
