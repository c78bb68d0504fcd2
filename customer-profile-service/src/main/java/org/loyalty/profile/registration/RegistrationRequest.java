package org.loyalty.profile.registration;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form. Names may not hold line breaks (they go into mail headers);
 * interests and buying habits are the form's questions about product use and habits, bounded
 * in size.
 */
public record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String name,
        @Size(max = 35) String locale,
        @NotNull Boolean marketingConsent,
        @Size(max = 64) String referredBy,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> interests,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @Size(max = 200) String> buyingHabits) {
}
