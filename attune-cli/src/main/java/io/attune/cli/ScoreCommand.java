package io.attune.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.Qualification;
import io.attune.core.scoring.RuleTally;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.ingest.AcceptedMessage;
import io.attune.server.ingest.MessageError;
import io.attune.server.ingest.ParseResult;
import io.attune.server.ingest.RequestError;
import io.attune.server.ingest.SegmentParser;
import io.attune.store.model.YamlModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attune score}: scores a file of Segment messages (one JSON object per line) with a model,
 * offline, through the same core as the server, and prints each lead's score at {@code --now}.
 */
@Command(name = "score", description = "Scores an NDJSON file of Segment messages offline and prints every lead's "
        + "score, stage and top reasons.")
final class ScoreCommand implements Callable<Integer> {
    private static final WorkspaceId OFFLINE = new WorkspaceId("offline");
    private static final JsonFactory LINE_JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EVENTS", description = "NDJSON file: one Segment message (identify, track, page, "
            + "screen, group, alias) per line")
    Path events;

    @Option(names = "--model", paramLabel = "FILE", description = "a model YAML file; repeat for several segments "
            + "(default: the five starter models)")
    List<Path> modelFiles = new ArrayList<>();

    @Option(names = "--now", paramLabel = "INSTANT", description = "when to read the scores, ISO-8601 (default: now)")
    Instant now;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (one JSON object per lead per line)")
    OutputFormat format;

    @Option(names = "--unknown-jurisdiction", defaultValue = "strictest", paramLabel = "CHOICE",
            description = "strictest (default: a consumer whose state nothing tells is held to the Washington, "
                    + "Nevada and Connecticut consent laws) or not_covered")
    String unknownJurisdiction;

    @Override
    public Integer call() throws Exception {
        Instant at = now != null ? now : Instant.now();
        Map<Segment, ScoringModel> models = models();
        Segment fallback = models.containsKey(Segment.CONSUMER) ? Segment.CONSUMER : models.keySet().iterator().next();
        ModelCatalog catalog = new ModelCatalog() {
            @Override
            public ScoringModel active(Segment segment) {
                return models.getOrDefault(segment, models.get(fallback));
            }

            @Override
            public Segment defaultSegment() {
                return fallback;
            }
        };
        InMemoryLeadBook book = new InMemoryLeadBook();
        ScoringGate gate = new ScoringGate(UnknownJurisdiction.fromWireName(unknownJurisdiction).orElseThrow(
                () -> new IllegalArgumentException("--unknown-jurisdiction must be strictest or not_covered")));
        // offline, no workspace's classification: traits are read by the default dictionary
        RecordEvent record = new RecordEvent(OFFLINE, catalog, book, new LeadScoring(), LifecyclePolicy.DEFAULT, gate,
                DataDictionary.defaults());
        SegmentParser parser = new SegmentParser();
        PrintWriter err = spec.commandLine().getErr();
        int line = 0;
        int rejected = 0;
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                ParseResult result = parser.parseBatch(("{\"batch\":[" + text + "]}")
                        .getBytes(StandardCharsets.UTF_8), at);
                if (result instanceof ParseResult.Rejected refused) {
                    err.printf("line %d: %s%n", line, refused.error().kind() == RequestError.Kind.MALFORMED_JSON
                            ? notJson(text) : refused.error().message());
                    rejected++;
                    continue;
                }
                ParseResult.Parsed parsed = (ParseResult.Parsed) result;
                for (MessageError error : parsed.errors()) {
                    err.printf("line %d: %s %s%n", line, error.field().replaceFirst("^batch\\[0]\\.?", ""),
                            error.message());
                    rejected++;
                }
                for (AcceptedMessage message : parsed.accepted()) {
                    record.record(message.event());
                }
            }
        }
        print(book, catalog, at);
        return rejected == 0 ? 0 : 3;
    }

    /**
     * Where the line stops being JSON. The parser saw the line inside a batch envelope, so its position is
     * the envelope's; this reads the line alone to give the column in the file. Never quotes the text.
     */
    private static String notJson(String text) {
        try (JsonParser parser = LINE_JSON.createParser(text)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return "not valid JSON";
        } catch (IOException e) {
            JsonLocation at = e instanceof JacksonException jackson ? jackson.getLocation() : null;
            return at == null || at.getColumnNr() < 0 ? "not valid JSON"
                    : "not valid JSON (column " + at.getColumnNr() + ")";
        }
    }

    private Map<Segment, ScoringModel> models() throws Exception {
        ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());
        if (modelFiles.isEmpty()) {
            return YamlModels.starterModels(compiler);
        }
        Map<Segment, ScoringModel> models = new EnumMap<>(Segment.class);
        for (Path file : modelFiles) {
            ScoringModel model = YamlModels.load(file, compiler);
            if (models.put(model.segment(), model) != null) {
                throw new IllegalArgumentException("two --model files are for segment " + model.segment().wireName());
            }
        }
        return models;
    }

    private void print(InMemoryLeadBook book, ModelCatalog catalog, Instant at) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        List<LeadState> leads = new ArrayList<>(book.leads());
        leads.sort(Comparator.comparing(LeadState::id));
        for (LeadState lead : leads) {
            ScoringModel model = catalog.active(lead.segment());
            Qualification q = Qualification.of(model, lead, at);
            List<String> reasons = topReasons(lead, model, at);
            if (format == OutputFormat.json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("lead", lead.id().value());
                row.put("identities", book.identitiesOf(lead.id()).stream()
                        .map(identity -> identity.kind().wireName() + ":" + identity.value()).toList());
                row.put("segment", lead.segment().wireName());
                row.put("stage", lead.stage().wireName());
                row.put("model", lead.model().toString());
                row.put("fit", round(q.fit()));
                row.put("engagement", round(q.engagement()));
                if (model.learned().isPresent()) {
                    row.put("learned", round(q.learned()));
                }
                row.put("score", round(q.total()));
                row.put("qualified", q.qualified());
                row.put("because", q.because());
                row.put("topReasons", reasons);
                row.put("withheld", lead.privacy().withheld().stream().map(LeadPrivacy.Withholding::rule).toList());
                out.println(json.writeValueAsString(row));
            } else {
                out.printf("%s  %-9s %-12s score %6.1f (fit %5.1f + engagement %5.1f%s)  %s%n", lead.id(),
                        lead.segment().wireName(), lead.stage().wireName(), q.total(), q.fit(), q.engagement(),
                        model.learned().isPresent() ? String.format(Locale.ROOT, " + learned %5.1f", q.learned()) : "",
                        lead.privacy().scoringWithheld() ? "not scored: " + lead.privacy().withheld().stream()
                                .map(LeadPrivacy.Withholding::rule).collect(Collectors.joining(", "))
                                : String.join(", ", reasons));
            }
        }
    }

    /** The three rules worth most now: fit rules at their points, engagement rules at their decayed value. */
    static List<String> topReasons(LeadState lead, ScoringModel model, Instant at) {
        Map<String, Double> worth = new LinkedHashMap<>();
        lead.score().fitContributions().forEach(c -> worth.merge(c.rule().value(), c.points(), Double::sum));
        for (Map.Entry<RuleId, RuleTally> tally : lead.score().tallies(model).entrySet()) {
            worth.merge(tally.getKey().value(), tally.getValue().value().at(at.toEpochMilli(), model.decay()),
                    Double::sum);
        }
        return worth.entrySet().stream().filter(entry -> entry.getValue() > 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .map(entry -> entry.getKey() + " +" + round(entry.getValue())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
