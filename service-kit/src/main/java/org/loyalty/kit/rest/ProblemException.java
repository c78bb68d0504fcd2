package org.loyalty.kit.rest;

/** A request that cannot be served, answered as an RFC 9457 problem. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Bad Request", detail, field);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
