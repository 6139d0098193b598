package org.mtboard.platform.api;

/** Path ids: positive whole numbers, else a 400 naming the parameter (a 404 would hide the typo). */
final class Ids {
    private Ids() {
    }

    static long parse(String text, String field) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = text.length() > 30 ? text.substring(0, 30) + "..." : text;
        throw ApiError.badField(field, "must be a positive whole number; got '" + shown + "'", "1 to " + Long.MAX_VALUE);
    }
}
