package org.mtboard.platform.repro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.mtboard.engine.run.BackendChoice;
import org.mtboard.platform.api.ApiError;

/**
 * What a POST /api/entries/{id}/reproductions body asks for, checked for shape only (what depends on
 * the entry, such as how many seeds a statistical check needs, is planned by {@link ReproductionService} through the
 * engine's ReproductionPlanner).
 * The body is optional: {} or nothing means every seed of the entry, on the cpu backend.
 *
 * @param seeds   the seeds to re-run, in the order asked; null for the entry's own
 * @param backend the simulator backend the re-runs train on
 */
public record ReproductionAsk(List<Integer> seeds, String backend) {
    /** More re-runs than this in one request would hold the workers for long; ask again instead. */
    public static final int MAX_SEEDS = 20;
    static final String DEFAULT_BACKEND = "cpu";
    /** What this service's workers train on (a subset of the engine's {@link BackendChoice#TRAINS_ON}). */
    static final List<String> WORKER_BACKENDS = List.of("cpu");
    /** Where this service's workers train the networks (no worker has a GPU yet): what {@link ReproductionService} plans for. */
    static final String WORKER_NETWORKS = "cpu";
    private static final List<String> FIELDS = List.of("seeds", "backend");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ReproductionAsk parse(String body) {
        if (body == null || body.isBlank()) {
            return new ReproductionAsk(null, DEFAULT_BACKEND);
        }
        JsonNode o;
        try {
            o = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badField("body", "is not JSON: " + ApiError.echo(e.getOriginalMessage()),
                    "a JSON object such as {\"seeds\": [101, 102], \"backend\": \"cpu\"}, or no body");
        }
        if (o == null || !o.isObject()) {
            throw ApiError.badField("body", "must be a JSON object", "{\"seeds\": [...], \"backend\": \"cpu\"}, or no body");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiError.badField(ApiError.echo(field), "is not a field of a reproduction request", String.join(", ", FIELDS));
            }
        }
        return new ReproductionAsk(o.has("seeds") && !o.get("seeds").isNull() ? seeds(o.get("seeds")) : null, backend(o.get("backend")));
    }

    private static List<Integer> seeds(JsonNode n) {
        String allowed = "1 to " + MAX_SEEDS + " different whole numbers from 0 to " + Integer.MAX_VALUE;
        if (!n.isArray()) {
            throw ApiError.badField("seeds", "must be a list of seeds, e.g. [101, 102]; got " + ApiError.echo(n.toString()), allowed);
        }
        if (n.isEmpty()) {
            throw ApiError.badField("seeds", "must name at least one seed (leave it out for the entry's own seeds)", allowed);
        }
        if (n.size() > MAX_SEEDS) {
            throw ApiError.badField("seeds", "names " + n.size() + " seeds; a request re-runs at most " + MAX_SEEDS, allowed);
        }
        List<Integer> seeds = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode s : n) {
            if (!s.isIntegralNumber() || !s.canConvertToInt() || s.asInt() < 0) {
                throw ApiError.badField("seeds", "must be whole numbers from 0 to " + Integer.MAX_VALUE + "; got " + ApiError.echo(s.toString()),
                        allowed);
            }
            if (!seen.add(s.asInt())) {
                throw ApiError.badField("seeds", "names seed " + s.asInt() + " twice; each seed is re-run once per request", allowed);
            }
            seeds.add(s.asInt());
        }
        return List.copyOf(seeds);
    }

    private static String backend(JsonNode n) {
        if (n == null || n.isNull()) {
            return DEFAULT_BACKEND;
        }
        // The backends this service's workers train on: they run the CPU simulator (the engine can also
        // train on cuda, but no worker here has a GPU yet), so cuda is refused now, not after a worker took the job.
        String allowed = String.join(", ", WORKER_BACKENDS);
        if (!n.isTextual() || !WORKER_BACKENDS.contains(n.asText())) {
            throw ApiError.badField("backend", "must be one of " + allowed + " (the backends this service's workers train on); got "
                    + ApiError.echo(n.isTextual() ? "'" + n.asText() + "'" : n.toString()), allowed);
        }
        return n.asText();
    }
}
