package org.mtboard.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.platform.submit.Benchmarks;

/** The benchmarks this server runs, with their versions, tiers, frozen seeds and budgets. */
@Path("/api/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {
    private final Benchmarks benchmarks;

    public BenchmarkResource(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    @GET
    @Operation(summary = "Benchmarks, protocol versions, tiers, frozen seeds and frame budgets")
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : benchmarks.names()) {
            BenchmarkDefinition b = benchmarks.find(name);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", b.name());
            v.put("protocol_version", b.protocolVersion());
            v.put("suite", b.suite());
            v.put("variant", b.variant());
            v.put("episode_length", b.episodeLength());
            v.put("score_epochs", b.scoreEpochs());
            Map<String, Object> tiers = new LinkedHashMap<>();
            for (String t : b.tierNames()) {
                Tier tier = b.tier(t);
                Map<String, Object> tv = new LinkedHashMap<>();
                tv.put("seeds", tier.seeds());
                tv.put("frames", tier.frames());
                tv.put("num_envs", tier.numEnvs() > 0 ? tier.numEnvs() : null);
                tiers.put(t, tv);
            }
            v.put("tiers", tiers);
            out.add(v);
        }
        return out;
    }
}
