package org.mtboard.engine.nn;

import ai.djl.Device;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mtboard.engine.recipe.ConfigException;

/**
 * Where a run's DJL networks live: the one rule behind {@code mtboard train --device}. A run asks
 * for cpu, gpu, or auto (gpu where the libtorch DJL loaded sees one, else cpu with a notice). The
 * CPU libtorch that ships with the engine sees no GPU; a GPU needs DJL's CUDA libtorch (fetched by
 * DJL when online, or named through its overrides; README, "GPU training").
 */
public final class NetworkDevice {
    public static final List<String> ALLOWED = List.of("cpu", "gpu", "auto");

    private NetworkDevice() {
    }

    /**
     * The concrete device (cpu or gpu) a run asking for {@code requested} trains its networks on.
     *
     * @param notice receives one line when auto falls back to the CPU, saying why
     * @throws ConfigException naming the field "device" for a name not allowed, or gpu where libtorch sees none
     */
    public static String resolve(String requested, Consumer<String> notice) {
        String name = requested.toLowerCase(Locale.ROOT);
        if (!ALLOWED.contains(name)) {
            throw refused("must be one of " + String.join(", ", ALLOWED) + "; got '" + requested + "'");
        }
        if (name.equals("cpu")) {
            return name;
        }
        String reason = gpuUnavailableReason();
        if (reason == null) {
            return "gpu";
        }
        if (name.equals("gpu")) {
            throw refused("gpu: " + reason + "; use cpu, or see `mtboard doctor`");
        }
        notice.accept("mtboard: no GPU for the networks (" + reason + "); training them on the CPU");
        return "cpu";
    }

    /** Null when DJL's libtorch can put networks on a GPU, else why not. */
    public static String gpuUnavailableReason() {
        var engine = Djl.engine();
        return engine.getGpuCount() > 0 ? null
                : "DJL's libtorch " + engine.getVersion() + " sees no GPU (a CPU build, or no CUDA device)";
    }

    /** DJL's device for a resolved name: the first GPU, or the CPU. */
    public static Device djl(String resolved) {
        return resolved.equals("gpu") ? Device.gpu(0) : Device.cpu();
    }

    private static ConfigException refused(String message) {
        return new ConfigException(List.of(new ConfigException.Problem("device", message, String.join(", ", ALLOWED))));
    }
}
