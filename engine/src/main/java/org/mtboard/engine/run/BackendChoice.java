package org.mtboard.engine.run;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.sim.Backends;
import org.mtboard.engine.sim.cuda.CudaProbe;

/**
 * Which simulator backend a training run uses: the one rule behind {@code mtboard train --backend}
 * and the service's backend setting. A run asks for cpu, cuda, or auto (cuda where a GPU is usable,
 * else cpu with a notice; {@link Backends#resolve}). Both backends step the same bits, so the
 * choice changes the speed, never the result.
 */
public final class BackendChoice {
    /** What a training run may ask for. */
    public static final List<String> ALLOWED = List.of("cpu", "cuda", "auto");
    /** The concrete backends training can run on. */
    public static final List<String> TRAINS_ON = List.of("cpu", "cuda");

    private BackendChoice() {
    }

    /**
     * The concrete backend a run asking for {@code requested} trains on (case does not matter).
     *
     * @param notice receives one line when auto falls back to the CPU, saying why
     * @throws ConfigException naming the field "backend" for a name not allowed, or cuda where no GPU is usable
     */
    public static String forTraining(String requested, Consumer<String> notice) {
        String name = requested.toLowerCase(Locale.ROOT);
        String allowed = "one of " + String.join(", ", ALLOWED);
        if (!ALLOWED.contains(name)) {
            throw refused("must be " + allowed + "; got '" + requested + "'", allowed);
        }
        if (name.equals("cuda") && !CudaProbe.available()) {
            throw refused("cuda: the cuda backend is not available here (" + CudaProbe.unavailableReason() + "); use cpu or auto", allowed);
        }
        return Backends.resolve(name, notice);
    }

    private static ConfigException refused(String message, String allowed) {
        return new ConfigException(List.of(new ConfigException.Problem("backend", message, allowed)));
    }
}
