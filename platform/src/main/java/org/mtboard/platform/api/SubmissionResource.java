package org.mtboard.platform.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.mtboard.platform.auth.Caller;
import org.mtboard.platform.auth.CallerResolver;
import org.mtboard.platform.jobs.JobQueue;
import org.mtboard.platform.submit.SubmissionMetadata;
import org.mtboard.platform.submit.SubmissionService;
import org.mtboard.platform.submit.SubmissionValidator;
import org.mtboard.platform.submit.ValidSubmission;

/** Submit a config, follow it, cancel it. */
@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {
    private final CallerResolver callers;
    private final SubmissionValidator validator;
    private final SubmissionService service;
    private final JobQueue queue;
    private final SubmissionViews views;

    public SubmissionResource(CallerResolver callers, SubmissionValidator validator, SubmissionService service, JobQueue queue,
                              SubmissionViews views) {
        this.callers = callers;
        this.validator = validator;
        this.service = service;
        this.queue = queue;
        this.views = views;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Submit a config (YAML or JSON body) for one benchmark and tier",
            description = "The benchmark and tier fix the frozen seeds and the budget; the config cannot choose them. 201 with the new"
                    + " submission; 200 with the existing one when an identical config (same canonical hash) was already submitted;"
                    + " 400 listing every problem; 401 without a token; 429 over the team's quota.")
    public Response submit(@HeaderParam("Authorization") String authorization,
                           @Parameter(description = "benchmark name, e.g. mt10-rand") @QueryParam("benchmark") String benchmark,
                           @Parameter(description = "smoke, standard or official") @QueryParam("tier") String tier,
                           @QueryParam("method") String method, @QueryParam("description") String description,
                           @QueryParam("paper_url") String paperUrl, @QueryParam("code_url") String codeUrl, byte[] body) {
        Caller caller = callers.require(authorization);
        ValidSubmission valid = validator.validate(benchmark, tier, body, new SubmissionMetadata(method, description, paperUrl, codeUrl));
        SubmissionService.Accepted accepted;
        try {
            accepted = service.submit(caller, valid);
        } catch (ApiError e) {
            throw e;
        } catch (RuntimeException e) {
            // Another team stored the same config a moment ago (the unique index refused ours): answer with theirs.
            accepted = service.submit(caller, valid);
        }
        if (!accepted.duplicate()) {
            accepted.runs().forEach(r -> queue.enqueue(r.runId(), r.jobId()));
        }
        Map<String, Object> view = views.accepted(accepted.submissionId(), accepted.duplicate());
        return accepted.duplicate() ? Response.ok(view).build()
                : Response.created(URI.create("/api/submissions/" + accepted.submissionId())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A submission's status: per seed progress, ETA, attempts, errors, the audit log and a log tail")
    public Map<String, Object> status(@PathParam("id") String id) {
        return views.status(Ids.parse(id, "id"));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a submission (own team, or admin); a running seed stops at the end of its current epoch")
    public Map<String, Object> cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Caller caller = callers.require(authorization);
        long submissionId = Ids.parse(id, "id");
        SubmissionService.Cancelled c = service.cancel(caller, submissionId);
        c.dequeued().forEach(r -> queue.delete(r.jobId));
        return views.status(submissionId);
    }
}
