package org.loyalty.kit.rest;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of a REST call to an RFC 9457 problem body; nothing escapes as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.field() == null ? null : List.of(new Problem.InvalidParam(e.field(), e.getMessage()));
        return respond(e.status(), e.title(), e.getMessage(), uri, params);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.InvalidParam::name))
                .toList();
        String detail = params.stream().map(p -> p.name() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(400, "Bad Request", detail, uri, params);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "The request body is not valid JSON of the expected shape" : e.getMessage();
        return respond(status, e.getResponse().getStatusInfo().getReasonPhrase(), detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure serving " + uri.getPath(), e);
        return respond(500, "Internal Server Error", "The request could not be completed; it is safe to retry", uri, null);
    }

    /** The problem response every mapper gives; others (e.g. the security mappers) add headers to it. */
    public static Response.ResponseBuilder problemResponse(int status, String title, String detail, UriInfo uri,
            List<Problem.InvalidParam> params) {
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(), params);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.InvalidParam> params) {
        return problemResponse(status, title, detail, uri, params).build();
    }

    /** "redeem.arg1.requestId" becomes "requestId": the name the client sent. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
