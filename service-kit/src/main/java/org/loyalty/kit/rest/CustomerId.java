package org.loyalty.kit.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** A customer id as every service accepts it, in paths and bodies: bounded, no spaces or control characters. */
@Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface CustomerId {

    String message() default "must be 1 to 128 letters, digits, '.', '_', ':', '@' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
