package org.mtboard.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** An error answer: its HTTP status and the JSON body {error, problems?, ...} the client sees. */
public final class ApiError extends RuntimeException {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String error, List<Problem> problems, String resets_at) {
    }

    private final int status;
    private final transient Body body;
    private final transient Map<String, String> headers;

    private ApiError(int status, Body body, Map<String, String> headers) {
        super(body.error(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public static ApiError invalid(String error, List<Problem> problems) {
        return new ApiError(400, new Body(error, problems, null), Map.of());
    }

    public static ApiError badField(String field, String message, String allowed) {
        return invalid(field + ": " + message, List.of(new Problem(field, message, allowed)));
    }

    public static ApiError unauthorized(String error) {
        return new ApiError(401, new Body(error, null, null), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiError forbidden(String error) {
        return new ApiError(403, new Body(error, null, null), Map.of());
    }

    public static ApiError notFound(String error) {
        return new ApiError(404, new Body(error, null, null), Map.of());
    }

    public static ApiError conflict(String error) {
        return new ApiError(409, new Body(error, null, null), Map.of());
    }

    public static ApiError tooLarge(String error) {
        return new ApiError(413, new Body(error, List.of(new Problem("body", error, "at most 256 KiB")), null), Map.of());
    }

    public static ApiError overQuota(String error, String resetsAt, long retryAfterSeconds) {
        return new ApiError(429, new Body(error, null, resetsAt), Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    /** What a client sent, echoed in a message: at most 60 characters. */
    public static String echo(String sent) {
        return sent.length() <= 60 ? sent : sent.substring(0, 60) + "...";
    }

    public int status() {
        return status;
    }

    public Body body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
