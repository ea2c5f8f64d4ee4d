package io.peregrine.notify.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.kit.auth.Roles;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert history: alerts by minimum priority, rule, tag, host, container, time range and text
 * (in the output line or rule name), newest first, in Falco's JSON form; and counts per rule and
 * priority per time bucket for dashboards.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
public class HistoryResource {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    /** Filters common to both queries, as SQL and its parameters. */
    private record Where(String sql, List<Object> params) {
    }

    @GET
    public Uni<Response> query(@QueryParam("priority") String priority, @QueryParam("rule") String rule,
                               @QueryParam("tag") String tag, @QueryParam("host") String host,
                               @QueryParam("container") String container, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("text") String text,
                               @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        Where w;
        try {
            w = where(priority, rule, tag, host, container, time("from", from), time("to", to), text);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        int lim = limit == null ? 100 : limit;
        int off = offset == null ? 0 : offset;
        if (lim < 1 || lim > 1000 || off < 0) {
            return bad("limit must be 1-1000 and offset at least 0");
        }
        List<Object> params = new ArrayList<>(w.params());
        params.add(lim);
        params.add(off);
        String sql = "select uuid, time, rule, priority, output, output_fields::text as fields, source, tags, hostname"
                + " from notify.alert_history" + w.sql() + " order by time desc, uuid limit $" + (params.size() - 1)
                + " offset $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            StringBuilder b = new StringBuilder("[");
            for (Row r : rows) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(AlertJson.encode(alert(r)));
            }
            return Response.ok(b.append(']').toString()).build();
        });
    }

    @GET
    @Path("counts")
    public Uni<Response> counts(@QueryParam("bucket") String bucket, @QueryParam("priority") String priority,
                                @QueryParam("rule") String rule, @QueryParam("tag") String tag,
                                @QueryParam("host") String host, @QueryParam("container") String container,
                                @QueryParam("from") String from, @QueryParam("to") String to) {
        Duration size;
        Where w;
        OffsetDateTime end;
        OffsetDateTime start;
        try {
            size = bucket == null ? Duration.ofHours(1) : Duration.parse(bucket);
            if (size.getSeconds() < 1) {
                return bad("bucket must be at least PT1S");
            }
            end = to == null ? OffsetDateTime.now(ZoneOffset.UTC) : time("to", to);
            start = from == null ? end.minusDays(1) : time("from", from);
            w = where(priority, rule, tag, host, container, start, end, null);
        } catch (DateTimeParseException e) {
            return bad("bucket must be an ISO-8601 duration such as PT1H: " + e.getParsedString());
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        List<Object> params = new ArrayList<>(w.params());
        params.add(size.getSeconds());
        String n = "$" + params.size();
        String sql = "select to_timestamp((floor(extract(epoch from time))::bigint / " + n + "::bigint) * " + n
                + "::bigint) as bucket, rule, priority, count(*) as n from notify.alert_history" + w.sql()
                + " group by 1, 2, 3 order by 1, 2, 3";
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("bucket", AlertJson.formatTime(r.getOffsetDateTime("bucket").toInstant()));
                m.put("rule", r.getString("rule"));
                m.put("priority", Priority.values()[r.getShort("priority")].falcoName());
                m.put("count", r.getLong("n"));
                out.add(m);
            }
            return Response.ok(out).build();
        });
    }

    private static Where where(String priority, String rule, String tag, String host, String container,
                               OffsetDateTime from, OffsetDateTime to, String text) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> p = new ArrayList<>();
        if (priority != null) {
            Priority min = Priority.parse(priority);
            if (min == null) {
                throw new IllegalArgumentException("priority '" + priority + "' is not one of "
                        + Arrays.stream(Priority.values()).map(Priority::falcoName).toList());
            }
            p.add((short) min.ordinal());
            sql.append(" and priority <= $").append(p.size());
        }
        if (rule != null) {
            p.add(rule);
            sql.append(" and rule = $").append(p.size());
        }
        if (tag != null) {
            p.add(tag);
            sql.append(" and $").append(p.size()).append(" = any(tags)");
        }
        if (host != null) {
            p.add(host);
            sql.append(" and hostname = $").append(p.size());
        }
        if (container != null) {
            p.add(container);
            sql.append(" and container = $").append(p.size());
        }
        if (from != null) {
            p.add(from);
            sql.append(" and time >= $").append(p.size());
        }
        if (to != null) {
            p.add(to);
            sql.append(" and time < $").append(p.size());
        }
        if (text != null && !text.isEmpty()) {
            p.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" and (output ilike $").append(p.size()).append(" or rule ilike $").append(p.size()).append(")");
        }
        return new Where(sql.toString(), p);
    }

    private static OffsetDateTime time(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 UTC time such as 2026-01-31T12:00:00Z, not '" + text + "'");
        }
    }

    private Alert alert(Row r) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(r.getString("fields"), FIELDS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("alert " + r.getString("uuid") + ": stored output fields unreadable", e);
        }
        // JSON numbers come back as Integer when small; the alert schema holds Long.
        fields.replaceAll((k, v) -> v instanceof Number num ? (Object) num.longValue() : v);
        return new Alert(r.getString("uuid"), r.getOffsetDateTime("time").toInstant(), r.getString("rule"),
                Priority.values()[r.getShort("priority")], r.getString("output"), fields, r.getString("source"),
                Arrays.asList(r.getArrayOfStrings("tags")), r.getString("hostname"));
    }

    private static Uni<Response> bad(String message) {
        return Uni.createFrom().item(Response.status(400).entity(Map.of("error", message)).build());
    }
}
