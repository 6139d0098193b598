package org.mtboard.engine.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.GpuNumerics;
import org.mtboard.engine.nn.NetworkDevice;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.sim.Backends;
import org.mtboard.engine.sim.cuda.CudaProbe;

/**
 * What this machine offers a run and what a run would use (`mtboard doctor`): the CPU and its
 * numerics pins, the CUDA driver and devices, the PTX the simulator kernels are built for, and
 * DJL's engine with the libtorch it loaded and from where. Everything is asked of the machine;
 * nothing is assumed.
 */
public final class MachineReport {
    /** DJL's own overrides for where libtorch comes from (DJL's documentation), read here to show them. */
    public static final List<String> DJL_OVERRIDES = List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_CACHE_DIR");

    private MachineReport() {
    }

    /** The report as nested maps (JSON-ready, in display order). */
    public static Map<String, Object> collect() {
        Map<String, Object> report = new LinkedHashMap<>();
        CpuNumerics.Settings numerics = CpuNumerics.current();
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("model", numerics.cpuModel());
        cpu.put("cores", Runtime.getRuntime().availableProcessors());
        cpu.put("widest_isa", numerics.cpuIsa());
        cpu.put("numerics_pinned", numerics.pinned());
        cpu.put("isa_used", numerics.isaUsed());
        cpu.put("torch_threads", numerics.torchThreads());
        cpu.put("settings", numerics.values());
        report.put("cpu", cpu);
        report.put("cuda", cuda());
        report.put("ptx", ptx());
        report.put("djl", djl());
        Map<String, Object> use = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        use.put("simulator_auto", Backends.resolve("auto", notes::add));
        use.put("training_simulator", String.join(", ", BackendChoice.TRAINS_ON));
        use.put("networks_auto", NetworkDevice.resolve("auto", notes::add));
        use.put("gpu_numerics", GpuNumerics.current());
        use.put("notes", notes);
        report.put("would_use", use);
        return report;
    }

    private static Map<String, Object> cuda() {
        Map<String, Object> cuda = new LinkedHashMap<>();
        String reason = CudaProbe.unavailableReason();
        cuda.put("available", reason == null);
        if (reason != null) {
            cuda.put("reason", reason);
            return cuda;
        }
        int[] version = {0};
        JCudaDriver.cuDriverGetVersion(version);
        cuda.put("driver_api_version", (version[0] / 1000) + "." + (version[0] % 1000 / 10));
        int[] count = {0};
        JCudaDriver.cuDeviceGetCount(count);
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            CUdevice d = new CUdevice();
            JCudaDriver.cuDeviceGet(d, i);
            int[] major = {0};
            int[] minor = {0};
            JCudaDriver.cuDeviceGetAttribute(major, jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, d);
            JCudaDriver.cuDeviceGetAttribute(minor, jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, d);
            long[] memory = {0};
            JCudaDriver.cuDeviceTotalMem(memory, d);
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("index", i);
            device.put("name", gpuName(i));
            device.put("compute_capability", major[0] + "." + minor[0]);
            device.put("memory_gib", Math.round(memory[0] / (1024.0 * 1024 * 1024) * 10) / 10.0);
            devices.add(device);
        }
        cuda.put("devices", devices);
        return cuda;
    }

    /** The .version and .target lines of the simulator's PTX as built into this jar. */
    private static Map<String, Object> ptx() {
        Map<String, Object> ptx = new LinkedHashMap<>();
        try (InputStream in = MachineReport.class.getResourceAsStream("/org/mtboard/engine/sim/cuda/sim.ptx")) {
            if (in == null) {
                ptx.put("present", false);
                return ptx;
            }
            ptx.put("present", true);
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(".version ")) {
                    ptx.put("isa_version", line.substring(9).trim());
                } else if (line.startsWith(".target ")) {
                    ptx.put("target", line.substring(8).trim());
                    break;
                }
            }
        } catch (IOException e) {
            ptx.put("error", e.getMessage());
        }
        return ptx;
    }

    private static Map<String, Object> djl() {
        Map<String, Object> djl = new LinkedHashMap<>();
        Engine engine = Djl.engine();
        djl.put("engine", engine.getEngineName());
        djl.put("libtorch_version", engine.getVersion());
        djl.put("gpus_seen", engine.getGpuCount());
        djl.put("offline", Boolean.parseBoolean(System.getProperty("ai.djl.offline", "false")));
        String library = loadedLibrary("libtorch_cpu.so");
        djl.put("flavor", libtorchFlavor());
        djl.put("loaded_from", library != null ? Path.of(library).getParent().toString() : null);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String name : DJL_OVERRIDES) {
            String v = System.getenv(name);
            overrides.put(name, v);
        }
        djl.put("overrides", overrides);
        return djl;
    }

    /** The model name of CUDA device {@code index} (the driver's answer; call where CUDA is usable). */
    public static String gpuName(int index) {
        CUdevice d = new CUdevice();
        JCudaDriver.cuDeviceGet(d, index);
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, d);
        return new String(name, StandardCharsets.US_ASCII).trim().replace("\0", "");
    }

    /** Which libtorch DJL loaded: cuda when its CUDA library is mapped, cpu, or unknown (before DJL loads). */
    public static String libtorchFlavor() {
        return loadedLibrary("libtorch_cuda.so") != null ? "cuda" : loadedLibrary("libtorch_cpu.so") != null ? "cpu" : "unknown";
    }

    /** The path of a shared library this process has mapped (Linux), or null. */
    private static String loadedLibrary(String fileName) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.endsWith("/" + fileName)) {
                    return line.substring(slash);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return null;
    }
}
