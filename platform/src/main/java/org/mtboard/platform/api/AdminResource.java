package org.mtboard.platform.api;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mtboard.platform.auth.Caller;
import org.mtboard.platform.auth.CallerResolver;
import org.mtboard.platform.auth.Teams;
import org.mtboard.platform.auth.Tokens;
import org.mtboard.platform.board.Scoreboard;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.EntryRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.store.TokenRecord;
import org.mtboard.platform.submit.Quotas;

/** Admin only: teams and their quotas, tokens, hiding entries. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
    /** A team to create or change; absent quotas keep their value (or the server's default). */
    public record TeamRequest(String name, Integer submissions_per_day, Integer max_active_runs) {
    }

    public record TokenRequest(String label) {
    }

    public record HideRequest(String reason) {
    }

    private final CallerResolver callers;
    private final Teams teams;
    private final Tokens tokens;
    private final Quotas quotas;
    private final Scoreboard scoreboard;
    private final Audit audit;

    public AdminResource(CallerResolver callers, Teams teams, Tokens tokens, Quotas quotas, Scoreboard scoreboard, Audit audit) {
        this.audit = audit;
        this.callers = callers;
        this.teams = teams;
        this.tokens = tokens;
        this.quotas = quotas;
        this.scoreboard = scoreboard;
    }

    @GET
    @Path("/teams")
    @Transactional
    @Operation(summary = "Teams with their quotas and what they use today")
    public List<Map<String, Object>> teams(@HeaderParam("Authorization") String authorization) {
        callers.requireAdmin(authorization);
        List<Map<String, Object>> out = new ArrayList<>();
        for (TeamRecord t : TeamRecord.<TeamRecord>listAll()) {
            out.add(teamView(t));
        }
        return out;
    }

    @POST
    @Path("/teams")
    @Transactional
    @Operation(summary = "Create a team")
    public Response createTeam(@HeaderParam("Authorization") String authorization, TeamRequest request) {
        callers.requireAdmin(authorization);
        if (request == null || request.name() == null || !request.name().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw ApiError.badField("name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
        }
        if (TeamRecord.byName(request.name()) != null) {
            throw ApiError.conflict("team " + request.name() + " exists");
        }
        TeamRecord t = teams.create(request.name(), false, quota("submissions_per_day", request.submissions_per_day(),
                teams.defaultSubmissionsPerDay()), quota("max_active_runs", request.max_active_runs(), teams.defaultMaxActiveRuns()));
        return Response.status(201).entity(teamView(t)).build();
    }

    @PATCH
    @Path("/teams/{id}")
    @Transactional
    @Operation(summary = "Change a team's quotas")
    public Map<String, Object> updateTeam(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                                          TeamRequest request) {
        callers.requireAdmin(authorization);
        TeamRecord t = team(id);
        if (request != null) {
            t.submissionsPerDay = quota("submissions_per_day", request.submissions_per_day(), t.submissionsPerDay);
            t.maxActiveRuns = quota("max_active_runs", request.max_active_runs(), t.maxActiveRuns);
        }
        return teamView(t);
    }

    @POST
    @Path("/teams/{id}/tokens")
    @Transactional
    @Operation(summary = "Issue a token for a team; the token is in this answer only")
    public Response issueToken(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, TokenRequest request) {
        callers.requireAdmin(authorization);
        TeamRecord t = team(id);
        String label = request == null || request.label() == null ? "issued " + Instant.now() : request.label();
        if (label.length() > 200) {
            throw ApiError.badField("label", "must be at most 200 characters", "at most 200 characters");
        }
        String token = tokens.issue(t, label);
        return Response.status(201).entity(Map.of("team", t.name, "label", label, "token", token,
                "note", "store it now: the server keeps only its hash")).build();
    }

    @GET
    @Path("/tokens")
    @Transactional
    @Operation(summary = "Tokens (never their values): team, label, created, last used, revoked")
    public List<Map<String, Object>> listTokens(@HeaderParam("Authorization") String authorization) {
        callers.requireAdmin(authorization);
        List<Map<String, Object>> out = new ArrayList<>();
        for (TokenRecord t : TokenRecord.<TokenRecord>listAll()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id);
            m.put("team", t.team.name);
            m.put("label", t.label);
            m.put("created_at", t.createdAt.toString());
            m.put("last_used_at", t.lastUsedAt == null ? null : t.lastUsedAt.toString());
            m.put("revoked_at", t.revokedAt == null ? null : t.revokedAt.toString());
            out.add(m);
        }
        return out;
    }

    @DELETE
    @Path("/tokens/{id}")
    @Transactional
    @Operation(summary = "Revoke a token")
    public Map<String, Object> revoke(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Caller caller = callers.requireAdmin(authorization);
        TokenRecord t = TokenRecord.findById(Ids.parse(id, "id"));
        if (t == null) {
            throw ApiError.notFound("no token #" + id);
        }
        if (t.id.equals(caller.tokenId())) {
            throw ApiError.conflict("this is the token making the request; revoke it with another admin token");
        }
        if (t.revokedAt == null) {
            t.revokedAt = Instant.now();
        }
        return Map.of("id", t.id, "revoked_at", t.revokedAt.toString());
    }

    @POST
    @Path("/entries/{id}/hide")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Hide an entry from its board (with a reason, in the audit log)")
    public Map<String, Object> hide(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, HideRequest r) {
        return setHidden(authorization, id, true, r);
    }

    @POST
    @Path("/entries/{id}/unhide")
    @Transactional
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Show a hidden entry again")
    public Map<String, Object> unhide(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, HideRequest r) {
        return setHidden(authorization, id, false, r);
    }

    private Map<String, Object> setHidden(String authorization, String id, boolean hidden, HideRequest request) {
        Caller caller = callers.requireAdmin(authorization);
        long entryId = Ids.parse(id, "id");
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason();
        if (reason == null || reason.length() > 500) {
            throw ApiError.badField("reason", "is required (at most 500 characters): it goes into the audit log", "1 to 500 characters");
        }
        hiddenFlag(entryId, hidden, reason, caller);
        scoreboard.rankBoard(entryId, false);
        return Map.of("id", entryId, "hidden", hidden);
    }

    private void hiddenFlag(long entryId, boolean hidden, String reason, Caller caller) {
        SubmissionRecord s = SubmissionRecord.findById(entryId);
        if (s == null || EntryRecord.findById(entryId) == null) {
            throw ApiError.notFound("no entry #" + entryId);
        }
        s.hidden = hidden;
        audit.visibility(s, hidden, reason, "admin:" + caller.teamName());
    }

    private static int quota(String field, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 100_000) {
            throw ApiError.badField(field, "must be in [0, 100000]; got " + value, "[0, 100000]");
        }
        return value;
    }

    private TeamRecord team(String id) {
        TeamRecord t = TeamRecord.findById(Ids.parse(id, "id"));
        if (t == null) {
            throw ApiError.notFound("no team #" + id);
        }
        return t;
    }

    private Map<String, Object> teamView(TeamRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("name", t.name);
        m.put("admin", t.admin);
        m.put("submissions_per_day", t.submissionsPerDay);
        m.put("max_active_runs", t.maxActiveRuns);
        m.put("submissions_today", quotas.submissionsSince(t.id, Quotas.dayStart()));
        m.put("active_runs", quotas.activeRuns(t.id));
        return m;
    }
}
