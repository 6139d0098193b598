package org.mtboard.engine.run;

import ai.djl.engine.Engine;
import java.util.Map;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.nn.GpuNumerics;

/**
 * Where a run's networks ran, as its manifest records it: the device, the GPU's model, DJL and
 * the libtorch it loaded (version and flavor), and the GPU numerics settings. GPU results depend
 * on all of these in their last bits, so a bit-exact re-run of a GPU run needs the same ones.
 *
 * @param device   cpu or gpu
 * @param gpu      the GPU's model (null on the CPU)
 * @param settings the GPU numerics in force ({@link GpuNumerics}; empty on the CPU)
 */
public record NetworkPlacement(String device, String gpu, String djlEngine, String djlVersion, String libtorchVersion,
                               String libtorchFlavor, Map<String, String> settings) {
    /** What manifests written before the placement was recorded stand for: CPU networks, libtorch unknown. */
    public static final NetworkPlacement UNRECORDED = new NetworkPlacement("cpu", null, "PyTorch", "unknown", "unknown", "unknown", Map.of());

    public NetworkPlacement {
        settings = Map.copyOf(settings);
    }

    /** This process's placement for a resolved device (cpu or gpu). */
    public static NetworkPlacement of(String device) {
        Engine engine = Djl.engine();
        boolean gpu = device.equals("gpu");
        return new NetworkPlacement(device, gpu ? MachineReport.gpuName(0) : null, engine.getEngineName(), Engine.getDjlVersion(),
                engine.getVersion(), MachineReport.libtorchFlavor(), gpu ? GpuNumerics.current() : Map.of());
    }

    /** One line for logs and reasons, e.g. "gpu NVIDIA H200, libtorch 2.11.0 (cuda)". */
    public String describe() {
        return (gpu == null ? device : device + " " + gpu) + ", libtorch " + libtorchVersion + " (" + libtorchFlavor + ")";
    }
}
