package org.mtboard.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.platform.board.BoardColumns;
import org.mtboard.platform.board.BoardCache;
import org.mtboard.platform.submit.Benchmarks;

/** A benchmark's board for one tier, as JSON or CSV. */
@Path("/api/leaderboards")
public class LeaderboardResource {
    private final Benchmarks benchmarks;
    private final BoardCache boards;

    public LeaderboardResource(Benchmarks benchmarks, BoardCache boards) {
        this.benchmarks = benchmarks;
        this.boards = boards;
    }

    @GET
    @Path("/{benchmark}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Entries of one board (benchmark, protocol version, tier) with mean, median, IQM and optimality gap"
            + " (point and 95% interval), rank tier, seeds, frames, wall-clock, CPU/GPU hours, fps; CSV with Accept: text/csv or ?format=csv."
            + " JSON comes in pages of `limit` rows (default 100, at most 1,000, 0 for all) from `offset`; CSV has every row unless limited")
    public Response board(@PathParam("benchmark") String benchmark, @QueryParam("tier") String tier, @QueryParam("sort") String sort,
                          @QueryParam("order") String order, @QueryParam("format") String format, @QueryParam("version") Integer version,
                          @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
                          @HeaderParam("Accept") String accept) {
        BenchmarkDefinition b = benchmarks.find(benchmark);
        if (b == null) {
            throw ApiError.badField("benchmark", "no benchmark '" + ApiError.echo(benchmark) + "'", String.join(", ", benchmarks.names()));
        }
        String t = tier == null ? "official" : tier;
        if (!b.tiers().containsKey(t)) {
            throw ApiError.badField("tier", "benchmark " + b.name() + " has no tier '" + ApiError.echo(t) + "'",
                    String.join(", ", b.tierNames()));
        }
        String s = sort == null ? "mean" : sort;
        if (!BoardColumns.SORTABLE.containsKey(s)) {
            throw ApiError.badField("sort", "cannot sort by '" + ApiError.echo(s) + "'", String.join(", ", BoardColumns.SORTABLE.keySet()));
        }
        String o = order == null ? (BoardColumns.SORTABLE.get(s).higherIsBetter() ? "desc" : "asc") : order;
        if (!BoardColumns.ORDERS.contains(o)) {
            throw ApiError.badField("order", "must be asc or desc; got '" + ApiError.echo(o) + "'", "asc, desc");
        }
        if (format != null && !List.of("json", "csv").contains(format)) {
            throw ApiError.badField("format", "must be json or csv; got '" + ApiError.echo(format) + "'", "json, csv");
        }
        int v = version == null ? b.protocolVersion() : version;
        if (v < 1 || v > b.protocolVersion()) {
            throw ApiError.badField("version", "must be a protocol version of " + b.name() + "; got " + v, "1 to " + b.protocolVersion());
        }
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        // JSON pages by 100 rows unless asked for more (up to 1,000, or 0 for all); CSV exports all unless asked.
        int rows = limit == null ? (csv ? 0 : 100) : limit;
        if (rows < 0 || rows > 1000) {
            throw ApiError.badField("limit", "must be in [0, 1000] (0: every entry); got " + rows, "[0, 1000]");
        }
        int from = offset == null ? 0 : offset;
        if (from < 0) {
            throw ApiError.badField("offset", "must be at least 0; got " + from, "0 or more");
        }
        byte[] body = boards.get(b.name(), v, t, s, o, csv, rows, from);
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", csv ? "inline; filename=\"" + b.name() + "-" + t + ".csv\"" : null).build();
    }

}
