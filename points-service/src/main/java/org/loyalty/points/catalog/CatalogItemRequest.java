package org.loyalty.points.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /catalog/{id}}; {@code active} defaults to true. */
public record CatalogItemRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @Positive Long points,
        Boolean active) {
}
