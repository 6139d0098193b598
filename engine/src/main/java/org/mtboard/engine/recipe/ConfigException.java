package org.mtboard.engine.recipe;

import java.util.List;
import java.util.Objects;

/**
 * A submission or benchmark file that is not valid: every problem found in it, each naming the
 * field, what is wrong and what is allowed. The message has one line per problem.
 */
public final class ConfigException extends IllegalArgumentException {
    /**
     * One thing wrong with a file.
     *
     * @param field   dotted path of the offending field, e.g. "hyperparameters.learning_rate"; empty for the whole file
     * @param message what is wrong, with the value found, e.g. "must be in (0.0, 1.0]; got 5"
     * @param allowed a short statement of what is allowed, e.g. "(0.0, 1.0]" or "one of mt-ppo, mt-grpo"; may be empty
     */
    public record Problem(String field, String message, String allowed) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
            allowed = allowed == null ? "" : allowed;
        }

        /** "field: message", or the message alone for the whole file. */
        public String text() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }

    private final List<Problem> problems;

    /** One problem, with nothing said about what is allowed beyond the message. */
    public ConfigException(String field, String message) {
        this(List.of(new Problem(field, message, "")));
    }

    /** @param problems in the order to report them; at least one */
    public ConfigException(List<Problem> problems) {
        super(text(problems));
        this.problems = List.copyOf(problems);
    }

    private static String text(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return String.join("\n", problems.stream().map(Problem::text).toList());
    }

    /** Every problem found, in document order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    /** Dotted path of the (first) offending field, e.g. "hyperparameters.learning_rate"; empty for the file. */
    public String field() {
        return problems.get(0).field();
    }
}
