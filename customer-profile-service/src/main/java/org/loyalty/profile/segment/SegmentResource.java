package org.loyalty.profile.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.kit.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "segments")
@RolesAllowed({Roles.MARKETING, Roles.OPS})
public class SegmentResource {

    private static final int MAX_PAGE = 500;

    /** One customer in a segment listing. */
    public record Member(String customerId, List<String> reasons, boolean repeatBuyer) {
    }

    /** A page of a segment, by customer id; pass {@code next} as {@code after} for the following page. */
    public record Page(String segment, List<Member> items, String next) {
    }

    private final Pool pool;

    public SegmentResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "How many customers sit in each segment (erased customers count, anonymously)")
    public Uni<Map<String, Long>> counts() {
        return pool.query("SELECT segment, count(*) FROM customer GROUP BY segment").execute().map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            Arrays.stream(Segment.values()).forEach(segment -> counts.put(segment.name(), 0L));
            rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
            return counts;
        });
    }

    @GET
    @Path("/{segment}/customers")
    @Operation(summary = "The customers of a segment with their reasons, by customer id (keyset pagination)")
    public Uni<Page> members(@PathParam("segment") String segment, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("after") @DefaultValue("") @Size(max = 128) String after) {
        if (Arrays.stream(Segment.values()).noneMatch(s -> s.name().equals(segment))) {
            throw ProblemException.notFound("No segment " + segment + "; segments are " + Arrays.toString(Segment.values()));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        return pool.preparedQuery("""
                SELECT customer_id, reasons, repeat_buyer FROM customer
                WHERE segment = $1 AND customer_id > $2 AND NOT erased ORDER BY customer_id LIMIT $3""")
                .execute(Tuple.of(segment, after, limit + 1))
                .map(rows -> {
                    List<Member> items = new ArrayList<>();
                    for (Row row : rows) {
                        if (items.size() == limit) {
                            return new Page(segment, items, items.get(limit - 1).customerId());
                        }
                        items.add(new Member(row.getString(0), ((JsonArray) row.getValue(1)).stream().map(Object::toString).toList(),
                                row.getBoolean(2)));
                    }
                    return new Page(segment, items, null);
                });
    }
}
