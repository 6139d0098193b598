package org.mtboard.engine.recipe;

/** A submission or benchmark file that is not valid; the message names the field and what is allowed. */
public final class ConfigException extends IllegalArgumentException {
    private final String field;

    public ConfigException(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    /** Dotted path of the offending field, e.g. "hyperparameters.learning_rate"; empty for the file. */
    public String field() {
        return field;
    }
}
