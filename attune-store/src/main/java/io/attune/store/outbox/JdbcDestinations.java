package io.attune.store.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.Remuneration;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Destinations;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.MessageTemplate;
import io.attune.core.handoff.Pool;
import io.attune.core.handoff.Routing;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Destinations per workspace, with their signing secrets (the newest first; two during a rotation).
 * The writer reads them on every move, so they are cached per workspace until one changes.
 */
public final class JdbcDestinations implements Destinations {
    private static final String COLUMNS = "destination_id, name, url, types, segments, states, fields, preset, "
            + "max_concurrency, max_attempts, enabled, owners, pool, kind, baa, part2_agreement, remuneration, template";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Map<WorkspaceId, List<Destination>> cache = new ConcurrentHashMap<>();

    public JdbcDestinations(Database database) {
        this.database = database;
    }

    @Override
    public List<Destination> destinations(WorkspaceId workspace) {
        return cache.computeIfAbsent(workspace, this::read);
    }

    private List<Destination> read(WorkspaceId workspace) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM destinations WHERE workspace_id = ? ORDER BY destination_id")
                .bind(0, workspace.value()).map((rs, ctx) -> destination(rs)).list());
    }

    @Override
    public Optional<ConfiguredDestination> configured(WorkspaceId workspace, DestinationId id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + ", secrets FROM destinations WHERE workspace_id = ? AND destination_id = ?")
                .bind(0, workspace.value()).bind(1, id.value())
                .map((rs, ctx) -> new ConfiguredDestination(destination(rs), split(rs.getString("secrets")))).findOne());
    }

    @Override
    public void save(WorkspaceId workspace, Destination destination, List<String> secrets, Instant at) {
        database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO destinations (workspace_id, "
                        + "destination_id, name, url, types, segments, states, fields, preset, secrets, max_concurrency, "
                        + "max_attempts, enabled, created_at, owners, pool, kind, baa, part2_agreement, remuneration, "
                        + "template) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (workspace_id, destination_id) DO UPDATE SET name = excluded.name, "
                        + "url = excluded.url, types = excluded.types, segments = excluded.segments, "
                        + "states = excluded.states, fields = excluded.fields, preset = excluded.preset, "
                        + "secrets = excluded.secrets, max_concurrency = excluded.max_concurrency, "
                        + "max_attempts = excluded.max_attempts, enabled = excluded.enabled, "
                        + "owners = excluded.owners, pool = excluded.pool, kind = excluded.kind, baa = excluded.baa, "
                        + "part2_agreement = excluded.part2_agreement, remuneration = excluded.remuneration, "
                        + "template = excluded.template")
                .bind(0, workspace.value()).bind(1, destination.id().value()).bind(2, destination.name())
                .bind(3, destination.url().toString())
                .bind(4, join(destination.types(), HandOffType::wireName))
                .bind(5, join(destination.segments(), Segment::wireName))
                .bind(6, join(destination.states(), Function.identity()))
                .bind(7, join(destination.fields(), Function.identity()))
                .bind(8, destination.preset().orElse(null)).bind(9, String.join(" ", secrets))
                .bind(10, destination.maxConcurrency()).bind(11, destination.maxAttempts())
                .bind(12, destination.enabled() ? 1 : 0).bind(13, at.toEpochMilli())
                .bind(14, join(destination.routing().owners(), Function.identity()))
                .bind(15, destination.routing().pool().map(Pool::value).orElse(null))
                .bind(16, destination.egress().kind().wireName()).bind(17, destination.egress().baaSigned() ? 1 : 0)
                .bind(18, destination.egress().part2Agreement() ? 1 : 0)
                .bind(19, destination.egress().remuneration().wireName())
                .bind(20, encode(destination.template())).execute());
        cache.remove(workspace);
    }

    @Override
    public boolean delete(WorkspaceId workspace, DestinationId id) {
        int deleted = database.jdbi().withHandle(handle -> handle.createUpdate(
                        "DELETE FROM destinations WHERE workspace_id = ? AND destination_id = ?")
                .bind(0, workspace.value()).bind(1, id.value()).execute());
        cache.remove(workspace);
        return deleted > 0;
    }

    private static Destination destination(ResultSet rs) throws SQLException {
        Set<HandOffType> types = new LinkedHashSet<>();
        split(rs.getString("types")).forEach(name -> HandOffType.fromWireName(name).ifPresent(types::add));
        Set<Segment> segments = new LinkedHashSet<>();
        split(rs.getString("segments")).forEach(name -> Segment.fromWireName(name).ifPresent(segments::add));
        return new Destination(new DestinationId(rs.getString("destination_id")), rs.getString("name"),
                URI.create(rs.getString("url")), types, segments, new LinkedHashSet<>(split(rs.getString("states"))),
                new LinkedHashSet<>(split(rs.getString("fields"))), Optional.ofNullable(rs.getString("preset")),
                rs.getInt("max_concurrency"), rs.getInt("max_attempts"), rs.getInt("enabled") == 1,
                new Routing(new LinkedHashSet<>(split(rs.getString("owners"))),
                        Optional.ofNullable(rs.getString("pool")).map(Pool::new)), egress(rs),
                decode(rs.getString("template")));
    }

    private static String encode(MessageTemplate template) {
        if (template.isEmpty()) {
            return null;
        }
        Map<String, String> json = new LinkedHashMap<>();
        template.sender().ifPresent(sender -> json.put("sender", sender));
        template.subject().ifPresent(subject -> json.put("subject", subject));
        template.body().ifPresent(body -> json.put("body", body));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template could not be written as JSON", e);
        }
    }

    private static MessageTemplate decode(String text) {
        if (text == null) {
            return MessageTemplate.NONE;
        }
        try {
            JsonNode json = JSON.readTree(text);
            return new MessageTemplate(Optional.ofNullable(json.path("sender").textValue()),
                    Optional.ofNullable(json.path("subject").textValue()),
                    Optional.ofNullable(json.path("body").textValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored destination template is not JSON", e);
        }
    }

    /**
     * What the destination declared. A kind or remuneration this build does not know reads as the
     * strictest declaration it could be (an ad platform without agreements, paid per lead), so that a
     * value written by a newer build never widens what leaves.
     */
    private static EgressDeclaration egress(ResultSet rs) throws SQLException {
        DestinationKind kind = DestinationKind.fromWireName(rs.getString("kind")).orElse(DestinationKind.AD_PLATFORM);
        return new EgressDeclaration(kind, kind != DestinationKind.AD_PLATFORM && rs.getInt("baa") == 1,
                rs.getInt("part2_agreement") == 1,
                Remuneration.fromWireName(rs.getString("remuneration")).orElse(Remuneration.PER_LEAD));
    }

    /** Lists are kept as space-separated words: every value (ids, names, states, owners, secrets) is a single word. */
    private static <T> String join(Set<T> values, Function<T, String> name) {
        return values.stream().map(name).sorted().collect(Collectors.joining(" "));
    }

    private static List<String> split(String words) {
        return words == null || words.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(words.trim().split(" +")));
    }
}
