package org.loyalty.notification.newsletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A newsletter to one of the two lists, optionally narrowed to one segment; paragraphs separated by blank lines. */
public record NewsletterRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String subject,
        @NotBlank @Size(max = 20000) String body,
        @NotNull @Pattern(regexp = "CUSTOMERS|PROSPECTS", message = "must be CUSTOMERS or PROSPECTS") String audience,
        @Pattern(regexp = "PROSPECT|CORE|DEVOTED|DIFFICULT", message = "must be PROSPECT, CORE, DEVOTED or DIFFICULT") String segment) {
}
