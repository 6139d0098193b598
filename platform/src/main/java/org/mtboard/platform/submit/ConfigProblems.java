package org.mtboard.platform.submit;

import java.util.List;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.platform.api.Problem;

/** The engine validator's findings as API problems, one per problem it found. */
final class ConfigProblems {
    private ConfigProblems() {
    }

    static List<Problem> of(ConfigException e) {
        return e.problems().stream().map(p -> new Problem(p.field(), p.message(), p.allowed())).toList();
    }
}
