package org.mtboard.engine.run;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.sim.Backends;

/**
 * Which simulator backend a training run uses: the one rule behind {@code mtboard train --backend}
 * and the service's backend setting. A run asks for cpu, or auto (cuda where a GPU is usable, else
 * cpu; {@link Backends#resolve}). Training runs on the CPU backend only today, so cuda is refused,
 * and so is auto on a machine with a usable GPU rather than run on the CPU behind the caller's back.
 */
public final class BackendChoice {
    /** What a training run may ask for. */
    public static final List<String> ALLOWED = List.of("cpu", "auto");
    /** The concrete backends training can run on. */
    public static final List<String> TRAINS_ON = List.of("cpu");

    private BackendChoice() {
    }

    /**
     * The concrete backend a run asking for {@code requested} trains on (case does not matter).
     *
     * @param notice receives one line when auto falls back to the CPU, saying why
     * @throws ConfigException naming the field "backend" for a name not allowed or not available
     */
    public static String forTraining(String requested, Consumer<String> notice) {
        String name = requested.toLowerCase(Locale.ROOT);
        String allowed = "one of " + String.join(", ", ALLOWED);
        if (name.equals("cuda")) {
            throw refused("cuda: training on the cuda backend is not available yet; allowed: " + String.join(", ", ALLOWED), allowed);
        }
        if (!ALLOWED.contains(name)) {
            throw refused("must be " + allowed + "; got '" + requested + "'", allowed);
        }
        String backend = Backends.resolve(name, notice);
        if (!TRAINS_ON.contains(backend)) {
            throw refused(name + " found a GPU, but training on the " + backend + " backend is not available yet; use cpu", "cpu");
        }
        return backend;
    }

    private static ConfigException refused(String message, String allowed) {
        return new ConfigException(List.of(new ConfigException.Problem("backend", message, allowed)));
    }
}
