package org.loyalty.points.redemption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code requestId} is the client's idempotency key: the same one again returns the first answer. */
public record RedemptionRequest(
        @NotBlank @Size(max = 64) String catalogItemId,
        @NotBlank @Size(max = 100) String requestId) {
}
