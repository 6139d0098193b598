package org.mtboard.platform.submit;

import java.util.List;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.platform.api.Problem;

/** The engine validator's findings as API problems. */
final class ConfigProblems {
    private ConfigProblems() {
    }

    static List<Problem> of(ConfigException e) {
        return List.of(new Problem(e.field(), e.getMessage(), ""));
    }
}
