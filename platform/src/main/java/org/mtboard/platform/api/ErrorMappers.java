package org.mtboard.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as JSON {error, problems?}. Framework errors (unknown route, wrong method,
 * unreadable parameters) keep their 4xx status; anything unexpected is a logged 500 that says
 * only that, never a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiError(ApiError e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body());
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String message = status == 404 ? "no such resource" : status == 405 ? "method not allowed here"
                : status == 415 ? "unsupported Content-Type: send application/yaml or application/json" : e.getMessage();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError.Body(message, null, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError.Body("internal error; it has been logged", null, null)).build();
    }
}
