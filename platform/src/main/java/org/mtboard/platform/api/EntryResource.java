package org.mtboard.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mtboard.platform.board.EntryViews;

/** One entry with everything behind its board row. */
@Path("/api/entries")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {
    private final EntryViews views;

    public EntryResource(EntryViews views) {
        this.views = views;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An entry: per-task point and interval, learning curves per seed and pooled with a band, performance profile,"
            + " probability of improvement against each other entry of its board, manifests, per-seed results, reproduction")
    public Map<String, Object> entry(@PathParam("id") String id) {
        return views.entry(Ids.parse(id, "id"));
    }

    @GET
    @Path("/{id}/config")
    @Produces("application/yaml")
    @Operation(summary = "The entry's submitted config, byte for byte as submitted (YAML or JSON)")
    public Response config(@PathParam("id") String id) {
        long entry = Ids.parse(id, "id");
        return Response.ok(views.config(entry), "application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"entry-" + entry + ".yaml\"").build();
    }

    @GET
    @Path("/{id}/tasks.csv")
    @Produces("text/csv")
    @Operation(summary = "The entry's per-task success rate (point and 95% interval) and mean return, as CSV")
    public Response tasksCsv(@PathParam("id") String id) {
        long entry = Ids.parse(id, "id");
        return Response.ok(views.tasksCsv(entry), "text/csv; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"entry-" + entry + "-tasks.csv\"").build();
    }
}
