package org.mtboard.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtboard.engine.EngineVersion;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.PortableMath;
import org.mtboard.engine.recipe.Submission;

/**
 * The record of a finished (or partial) run: what ran, where, and what it scored. `mtboard train`
 * writes it as result.json; the service stores the same JSON. Field names are snake_case in JSON.
 *
 * @param perTask    task name to its score (success rate and mean return over the scored epochs)
 * @param device     the machine's CPU model (on either backend; the networks' device is in {@code networks})
 * @param engineVersion {@link EngineVersion#VERSION} of the engine that ran it
 * @param partial    stopped before the tier's budget (--max-epochs, or cancelled): never a scored result
 * @param configHash SHA-256 of the submission's canonical form ({@link #configHash}), so two
 *                   files that differ only in layout, order or defaults name the same config
 * @param checksum   {@link TrainResult#checksum()}: equal checksums mean bit-identical runs
 * @param numerics   how libtorch's CPU numerics were set ({@link CpuNumerics}); results written before
 *                   they were pinned read back as unpinned, with the device's ISA unknown; results
 *                   written before PortableMath read back with math "onemkl-vml"
 * @param networks   where the networks ran (device, GPU, DJL and libtorch); results written before it
 *                   was recorded read back as CPU networks with libtorch unknown
 */
public record RunManifest(String submission, String algorithm, String benchmark, int protocolVersion, String tier, int seed,
                          Map<String, TaskScore> perTask, double meanSuccessRate, long frames, double wallSeconds, double fps,
                          String backend, String device, int threads, int numEnvs, boolean partial, String engineVersion,
                          String configHash, String checksum, CpuNumerics.Settings numerics, NetworkPlacement networks) {
    /** A manifest without a recorded network placement (CPU networks, libtorch unknown). */
    public RunManifest(String submission, String algorithm, String benchmark, int protocolVersion, String tier, int seed,
                       Map<String, TaskScore> perTask, double meanSuccessRate, long frames, double wallSeconds, double fps,
                       String backend, String device, int threads, int numEnvs, boolean partial, String engineVersion,
                       String configHash, String checksum, CpuNumerics.Settings numerics) {
        this(submission, algorithm, benchmark, protocolVersion, tier, seed, perTask, meanSuccessRate, frames, wallSeconds, fps, backend,
                device, threads, numEnvs, partial, engineVersion, configHash, checksum, numerics, NetworkPlacement.UNRECORDED);
    }

    /** One task's score. */
    public record TaskScore(double successRate, double meanReturn) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sorted keys and no whitespace: the same config always serialises to the same bytes. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static RunManifest of(TrainingConfig config, TrainResult result, CpuNumerics.Settings numerics, NetworkPlacement networks) {
        Map<String, TaskScore> perTask = new LinkedHashMap<>();
        result.perTask().forEach((task, v) -> perTask.put(task, new TaskScore(v[0], v[1])));
        Submission s = config.submission();
        boolean partial = result.frames() < config.tier().frames();
        return new RunManifest(s.name(), s.algorithm().label(), config.benchmark().name(), config.benchmark().protocolVersion(),
                config.tier().name(), config.seed(), perTask, result.meanSuccessRate(), result.frames(), result.wallSeconds(),
                result.fps(), result.backend(), numerics.cpuModel(), config.threads(), config.numEnvs(), partial, EngineVersion.VERSION,
                configHash(s), result.checksum(), numerics, networks);
    }

    /** SHA-256 (hex) of the parsed submission serialised with sorted keys: layout and key order do not count. */
    public static String configHash(Submission submission) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the submission", e);
        }
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("submission", submission).put("algorithm", algorithm).put("benchmark", benchmark)
                .put("protocol_version", protocolVersion).put("tier", tier).put("seed", seed);
        ObjectNode tasks = o.putObject("per_task");
        perTask.forEach((task, score) -> tasks.putObject(task).put("success_rate", score.successRate()).put("mean_return", score.meanReturn()));
        o.put("mean_success_rate", meanSuccessRate).put("frames", frames).put("wall_s", wallSeconds).put("fps", fps)
                .put("backend", backend).put("device", device).put("threads", threads).put("num_envs", numEnvs)
                .put("partial", partial).put("engine_version", engineVersion).put("config_hash", configHash).put("checksum", checksum);
        ObjectNode n = o.putObject("numerics");
        n.put("pinned", numerics.pinned()).put("cpu_isa", numerics.cpuIsa()).put("isa_used", numerics.isaUsed())
                .put("torch_threads", numerics.torchThreads()).put("math", numerics.math());
        ObjectNode settings = n.putObject("settings");
        numerics.values().forEach(settings::put);
        ObjectNode net = o.putObject("networks");
        net.put("device", networks.device()).put("gpu", networks.gpu()).put("djl_engine", networks.djlEngine())
                .put("djl_version", networks.djlVersion()).put("libtorch_version", networks.libtorchVersion())
                .put("libtorch_flavor", networks.libtorchFlavor());
        ObjectNode gpuSettings = net.putObject("settings");
        new java.util.TreeMap<>(networks.settings()).forEach(gpuSettings::put);
        return o.toString();
    }

    /** Reads {@link #toJson()}'s output back (e.g. a committed result.json). */
    public static RunManifest fromJson(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run manifest (invalid JSON: " + e.getOriginalMessage() + ")", e);
        }
        Map<String, TaskScore> perTask = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(o, "per_task").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            perTask.put(e.getKey(), new TaskScore(required(e.getValue(), "success_rate").asDouble(), required(e.getValue(), "mean_return").asDouble()));
        }
        return new RunManifest(required(o, "submission").asText(), required(o, "algorithm").asText(), required(o, "benchmark").asText(),
                required(o, "protocol_version").asInt(), required(o, "tier").asText(), required(o, "seed").asInt(), perTask,
                required(o, "mean_success_rate").asDouble(), required(o, "frames").asLong(), required(o, "wall_s").asDouble(),
                required(o, "fps").asDouble(), required(o, "backend").asText(), required(o, "device").asText(),
                required(o, "threads").asInt(), required(o, "num_envs").asInt(), required(o, "partial").asBoolean(),
                required(o, "engine_version").asText(), required(o, "config_hash").asText(), required(o, "checksum").asText(),
                numerics(o.get("numerics"), required(o, "device").asText()), networks(o.get("networks")));
    }

    private static NetworkPlacement networks(JsonNode n) {
        if (n == null || n.isNull()) {
            return NetworkPlacement.UNRECORDED;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        n.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        JsonNode gpu = n.get("gpu");
        return new NetworkPlacement(required(n, "device").asText(), gpu == null || gpu.isNull() ? null : gpu.asText(),
                n.path("djl_engine").asText("PyTorch"), n.path("djl_version").asText("unknown"),
                n.path("libtorch_version").asText("unknown"), n.path("libtorch_flavor").asText("unknown"), settings);
    }

    private static CpuNumerics.Settings numerics(JsonNode n, String device) {
        if (n == null || n.isNull()) {
            return new CpuNumerics.Settings(false, Map.of(), device, "unknown", 0, PortableMath.SOURCE_BEFORE);
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode settings = n.get("settings");
        if (settings != null) {
            settings.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        return new CpuNumerics.Settings(required(n, "pinned").asBoolean(), values, device, required(n, "cpu_isa").asText(),
                n.path("torch_threads").asInt(0), n.path("math").asText(PortableMath.SOURCE_BEFORE));
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("not a run manifest: missing field '" + field + "'");
        }
        return v;
    }
}
