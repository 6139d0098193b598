package org.mtboard.engine.run;

import ai.djl.engine.Engine;
import java.util.Map;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.nn.GpuNumerics;
import org.mtboard.engine.sim.cuda.CudaProbe;

/**
 * Where a run's networks ran, as its manifest records it: the device, the GPU's model, DJL and
 * the libtorch it loaded (version and flavor), and the GPU numerics settings. GPU results depend
 * on all of these in their last bits, so a bit-exact re-run of a GPU run needs the same ones.
 *
 * @param device   cpu or gpu
 * @param gpu      the GPU's model (null on the CPU; "unknown" where the CUDA driver could not be asked)
 * @param settings the GPU numerics in force ({@link GpuNumerics}; empty on the CPU)
 */
public record NetworkPlacement(String device, String gpu, String djlEngine, String djlVersion, String libtorchVersion,
                               String libtorchFlavor, Map<String, String> settings) {
    /** What manifests written before the placement was recorded stand for: CPU networks, libtorch unknown. */
    public static final NetworkPlacement UNRECORDED = new NetworkPlacement("cpu", null, "PyTorch", "unknown", "unknown", "unknown", Map.of());

    public NetworkPlacement {
        settings = Map.copyOf(settings);
    }

    /**
     * This process's placement for a resolved device (cpu or gpu). The flavor is DJL's
     * PYTORCH_FLAVOR where set (it names the build, e.g. cu130: two CUDA builds of one libtorch
     * version may round differently), else cpu or cuda as the loaded libraries show.
     */
    public static NetworkPlacement of(String device) {
        Engine engine = Djl.engine();
        boolean gpu = device.equals("gpu");
        String gpuName = gpu ? (CudaProbe.available() ? MachineReport.gpuName(0) : "unknown") : null;
        String flavor = System.getenv("PYTORCH_FLAVOR");
        return new NetworkPlacement(device, gpuName, engine.getEngineName(), Engine.getDjlVersion(), engine.getVersion(),
                flavor != null && !flavor.isBlank() ? flavor : MachineReport.libtorchFlavor(), gpu ? GpuNumerics.current() : Map.of());
    }

    /** One line for logs and reasons, e.g. "gpu NVIDIA H200, libtorch 2.11.0 (cuda)". */
    public String describe() {
        return (gpu == null ? device : device + " " + gpu) + ", libtorch " + libtorchVersion + " (" + libtorchFlavor + ")";
    }
}
