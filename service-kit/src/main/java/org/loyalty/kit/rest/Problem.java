package org.loyalty.kit.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 {@code application/problem+json} body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field and what is wrong with it. */
    public record InvalidParam(String name, String reason) {
    }
}
