package org.mtboard.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mtboard.platform.auth.Caller;
import org.mtboard.platform.auth.CallerResolver;
import org.mtboard.platform.board.ReproductionViews;
import org.mtboard.platform.jobs.JobQueue;
import org.mtboard.platform.repro.ReproductionAsk;
import org.mtboard.platform.repro.ReproductionService;

/** Ask for an entry to be re-run, and read how its reproductions went. */
@Path("/api/entries/{id}/reproductions")
@Produces(MediaType.APPLICATION_JSON)
public class ReproductionResource {
    private final CallerResolver callers;
    private final ReproductionService service;
    private final ReproductionViews views;
    private final JobQueue queue;

    public ReproductionResource(CallerResolver callers, ReproductionService service, ReproductionViews views, JobQueue queue) {
        this.callers = callers;
        this.service = service;
        this.views = views;
        this.queue = queue;
    }

    @POST
    @Operation(summary = "Queue a reproduction of an entry: its config re-run on the same job queue and workers as evaluations",
            description = "Optional JSON body {\"seeds\": [...], \"backend\": \"cpu\"}; by default the entry's own seeds on cpu, judged"
                    + " bit-exact where the engine's rule expects identical bits, statistically otherwise. Seeds the entry was not"
                    + " scored on make the check statistical, which needs enough re-runs (the 400 names how many). 202 with the"
                    + " request; 401 without a token; 404 for no such entry; 409 when the entry has nothing to reproduce or a"
                    + " reproduction of it is still running; 429 over the team's active-run quota.")
    public Response request(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, String body) {
        Caller caller = callers.require(authorization);
        long entry = Ids.parse(id, "id");
        ReproductionAsk ask = ReproductionAsk.parse(body);
        ReproductionService.Accepted accepted = service.request(caller, entry, ask);
        // After commit, as for submissions: a job never starts on a run the database does not have yet.
        accepted.runs().forEach(r -> queue.enqueue(r.runId(), r.jobId()));
        return Response.accepted(views.one(entry, accepted.reproductionId()))
                .location(URI.create("/api/entries/" + entry + "/reproductions/" + accepted.reproductionId())).build();
    }

    @GET
    @Operation(summary = "An entry's reproductions, newest first: who asked, when, backend, seeds, state, where each re-run ran, verdict")
    public List<Map<String, Object>> history(@PathParam("id") String id) {
        return views.history(Ids.parse(id, "id"));
    }

    @GET
    @Path("/{rid}")
    @Operation(summary = "One reproduction of an entry, with its re-runs and the engine's verdict")
    public Map<String, Object> one(@PathParam("id") String id, @PathParam("rid") String rid) {
        return views.one(Ids.parse(id, "id"), Ids.parse(rid, "rid"));
    }
}
