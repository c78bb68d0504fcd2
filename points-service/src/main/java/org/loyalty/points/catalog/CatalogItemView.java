package org.loyalty.points.catalog;

/** A catalog item as the API shows it. */
public record CatalogItemView(String id, String name, String description, long points, boolean active) {

    static CatalogItemView of(CatalogItem item) {
        return new CatalogItemView(item.id, item.name, item.description, item.points, item.active);
    }
}
