package org.mtboard.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
}
