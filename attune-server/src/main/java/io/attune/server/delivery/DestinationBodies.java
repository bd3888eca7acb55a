package io.attune.server.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.channels.TemplateChecks;
import io.attune.core.copy.CopyFormat;
import io.attune.core.copy.Finding;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDeclaration;
import io.attune.core.egress.Remuneration;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.MessageTemplate;
import io.attune.core.handoff.Pool;
import io.attune.core.handoff.Routing;
import io.attune.core.model.Segment;
import io.attune.core.privacy.HealthTerms;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.webhook.InvalidPresetException;
import io.attune.server.webhook.PresetFiles;
import io.attune.store.copy.YamlCopyRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The JSON of the destination endpoints, and the validation of what a caller sends. */
final class DestinationBodies {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern OWNER = Pattern.compile("\\S{1,100}");
    private static final Pattern POOL = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Set<String> KEYS = Set.of("name", "url", "types", "segments", "states", "owners", "pool",
            "fields", "preset", "maxConcurrency", "maxAttempts", "enabled", "kind", "baa", "part2Agreement",
            "remuneration", "template");
    private static final Set<String> TEMPLATE_KEYS = Set.of("sender", "subject", "body");
    private static final Map<String, Integer> TEMPLATE_LIMITS = Map.of("sender", 60, "subject", 200, "body", 20_000);

    private DestinationBodies() {
    }

    /** A destination as the API shows it; its secrets never. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DestinationBody(String id, String name, String url, List<String> types, List<String> segments,
            List<String> states, List<String> owners, String pool, String kind, boolean baa, boolean part2Agreement,
            String remuneration, List<String> fields, String preset, int maxConcurrency, int maxAttempts,
            boolean enabled, TemplateBody template, List<String> secretFingerprints, String signingSecret) {

        static DestinationBody of(Destination destination, List<String> fingerprints, String newSecret) {
            EgressDeclaration egress = destination.egress();
            return new DestinationBody(destination.id().value(), destination.name(), destination.url().toString(),
                    destination.types().stream().map(HandOffType::wireName).sorted().toList(),
                    destination.segments().stream().map(Segment::wireName).sorted().toList(),
                    destination.states().stream().sorted().toList(),
                    destination.routing().owners().stream().sorted().toList(),
                    destination.routing().pool().map(Pool::value).orElse(null), egress.kind().wireName(),
                    egress.baaSigned(), egress.part2Agreement(), egress.remuneration().wireName(),
                    destination.fields().stream().sorted().toList(), destination.preset().orElse(null),
                    destination.maxConcurrency(), destination.maxAttempts(), destination.enabled(),
                    TemplateBody.of(destination.template()), fingerprints, newSecret);
        }
    }

    /** The message an SMS or email destination delivers; absent when it has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TemplateBody(String sender, String subject, String body) {
        static TemplateBody of(MessageTemplate template) {
            return template.isEmpty() ? null : new TemplateBody(template.sender().orElse(null),
                    template.subject().orElse(null), template.body().orElse(null));
        }
    }

    /**
     * The destination a PUT names ({@code rawId}, from the path) and describes ({@code body}), or a 400
     * naming every bad field, the id among them: a PUT creates, so a malformed id is the caller's input
     * to correct, not an unknown destination. A template is checked against {@code terms}: the
     * workspace's health terms with the defaults, so that its program names never show before a message is opened.
     */
    static Destination read(String rawId, JsonNode body, PresetFiles presets, HealthTerms terms) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        Optional<DestinationId> id = id(rawId, problems);
        if (body == null || !body.isObject()) {
            problems.add(new Problem.InvalidParam("body", "must be a JSON object"));
            throw invalid(problems);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add(new Problem.InvalidParam(name, "is not a destination field; the fields are "
                        + KEYS.stream().sorted().toList()));
            }
        }
        String name = body.path("name").isTextual() ? body.path("name").asText().strip() : "";
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem.InvalidParam("name", "is required, 1-100 characters"));
        }
        URI url = url(body.path("url"), problems);
        Set<HandOffType> types = words(body, "types", problems, word -> HandOffType.fromWireName(word), true,
                "one of " + Arrays.stream(HandOffType.values()).map(HandOffType::wireName).toList());
        Set<Segment> segments = words(body, "segments", problems, Segment::fromWireName, false,
                "a segment: consumer, employer, payer, referral or community");
        Set<String> states = words(body, "states", problems,
                word -> Optional.of(word.toUpperCase(Locale.ROOT)).filter(s -> STATE.matcher(s).matches()), false,
                "a two-letter US state code");
        Set<String> owners = words(body, "owners", problems, word -> Optional.of(word).filter(w ->
                OWNER.matcher(w).matches()), false, "a CRM owner id: 1-100 characters without spaces");
        Optional<Pool> pool = pool(body.path("pool"), problems);
        Set<String> fields = words(body, "fields", problems, word -> Optional.of(word).filter(w ->
                FIELD.matcher(w).matches()), false, "a trait name (letters, digits, _ . -)");
        Optional<String> preset = body.hasNonNull("preset") ? Optional.of(body.path("preset").asText()) : Optional.empty();
        preset.ifPresent(presetName -> {
            try {
                presets.named(presetName);
            } catch (IllegalArgumentException | InvalidPresetException e) {
                problems.add(new Problem.InvalidParam("preset", e.getMessage()));
            }
        });
        Optional<EgressDeclaration> egress = egress(body, problems);
        int concurrency = number(body, "maxConcurrency", 4, 1, 64, problems);
        int attempts = number(body, "maxAttempts", 20, 1, 100, problems);
        boolean enabled = !body.has("enabled") || body.path("enabled").asBoolean(true);
        if (body.has("enabled") && !body.path("enabled").isBoolean()) {
            problems.add(new Problem.InvalidParam("enabled", "must be true or false"));
        }
        MessageTemplate template = template(body.path("template"), problems);
        egress.ifPresent(declared -> checkTemplate(new TemplateChecks(terms), declared.kind(), template, problems));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Destination(id.orElseThrow(), name, url, types, segments, states, fields, preset, concurrency,
                attempts, enabled, new Routing(owners, pool), egress.orElseThrow(), template);
    }

    private static MessageTemplate template(JsonNode node, List<Problem.InvalidParam> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return MessageTemplate.NONE;
        }
        if (!node.isObject()) {
            problems.add(new Problem.InvalidParam("template", "must be an object with sender, subject and body"));
            return MessageTemplate.NONE;
        }
        Map<String, Optional<String>> texts = new HashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TEMPLATE_KEYS.contains(name)) {
                problems.add(new Problem.InvalidParam("template." + name, "is not a template field; the fields are "
                        + TEMPLATE_KEYS.stream().sorted().toList()));
            }
        }
        for (String name : TEMPLATE_KEYS) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                texts.put(name, Optional.empty());
            } else if (!value.isTextual() || value.asText().length() > TEMPLATE_LIMITS.get(name)) {
                problems.add(new Problem.InvalidParam("template." + name, "must be text of at most "
                        + TEMPLATE_LIMITS.get(name) + " characters"));
                texts.put(name, Optional.empty());
            } else {
                texts.put(name, Optional.of(value.asText()));
            }
        }
        return new MessageTemplate(texts.get("sender"), texts.get("subject"), texts.get("body"));
    }

    /**
     * A template is refused when it would reveal care before the message is opened (USE-08) or when
     * the copy linter blocks its subject or body (claims, pressure, stigma, unsafe messaging): the
     * organisation rewrites it before anything is saved.
     */
    private static void checkTemplate(TemplateChecks checks, DestinationKind kind, MessageTemplate template,
            List<Problem.InvalidParam> problems) {
        for (TemplateChecks.Problem problem : checks.check(kind, template)) {
            problems.add(new Problem.InvalidParam(problem.field().equals("template") ? "template"
                    : "template." + problem.field(), problem.reason() + " (" + problem.rule() + ")"));
        }
        lint("subject", template.subject(), CopyFormat.TEXT, problems);
        lint("body", template.body(), template.body().filter(text -> text.strip().startsWith("<")).isPresent()
                ? CopyFormat.HTML : CopyFormat.TEXT, problems);
    }

    private static void lint(String field, Optional<String> text, CopyFormat format,
            List<Problem.InvalidParam> problems) {
        if (text.isEmpty()) {
            return;
        }
        for (Finding finding : YamlCopyRules.standardLinter().lint(text.get(), format, Set.of()).findings()) {
            if (finding.blocks()) {
                problems.add(new Problem.InvalidParam("template." + field, finding.why() + " (" + finding.rule()
                        .value() + ", line " + finding.span().start().line() + " column "
                        + finding.span().start().column() + ": \"" + finding.span().text() + "\")"
                        + finding.suggestion().map(better -> "; try: " + better).orElse("")));
            }
        }
    }

    /**
     * What the destination declares for the egress policy. {@code kind} is required — nothing leaves for
     * a destination that has not said what it is (default deny); {@code baa} and {@code part2Agreement}
     * default to false and {@code remuneration} to none. An ad platform cannot have a BAA (TRK-02).
     */
    private static Optional<EgressDeclaration> egress(JsonNode body, List<Problem.InvalidParam> problems) {
        List<String> kinds = Arrays.stream(DestinationKind.values()).map(DestinationKind::wireName).toList();
        JsonNode kindNode = body.path("kind");
        Optional<DestinationKind> kind = kindNode.isTextual() ? DestinationKind.fromWireName(kindNode.asText())
                : Optional.empty();
        if (kind.isEmpty()) {
            problems.add(new Problem.InvalidParam("kind", (kindNode.isMissingNode() || kindNode.isNull()
                    ? "is required: nothing is sent to a destination that has not declared what it is; "
                    : "must be ") + "one of " + kinds));
        }
        boolean baa = flag(body, "baa", problems);
        boolean part2 = flag(body, "part2Agreement", problems);
        JsonNode remunerationNode = body.path("remuneration");
        Optional<Remuneration> remuneration = remunerationNode.isMissingNode() || remunerationNode.isNull()
                ? Optional.of(Remuneration.NONE)
                : Optional.of(remunerationNode).filter(JsonNode::isTextual)
                        .flatMap(node -> Remuneration.fromWireName(node.asText()));
        if (remuneration.isEmpty()) {
            problems.add(new Problem.InvalidParam("remuneration", "must be one of "
                    + Arrays.stream(Remuneration.values()).map(Remuneration::wireName).toList()));
        }
        if (kind.filter(DestinationKind.AD_PLATFORM::equals).isPresent() && baa) {
            problems.add(new Problem.InvalidParam("baa", "cannot be true for an ad_platform: ad platforms are treated"
                    + " as having no BAA, and no health information ever reaches them (TRK-02, USE-01)"));
            return Optional.empty();
        }
        if (kind.isEmpty() || remuneration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EgressDeclaration(kind.get(), baa, part2, remuneration.get()));
    }

    private static boolean flag(JsonNode body, String key, List<Problem.InvalidParam> problems) {
        JsonNode node = body.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(new Problem.InvalidParam(key, "must be true or false"));
            return false;
        }
        return node.asBoolean();
    }

    private static Optional<Pool> pool(JsonNode node, List<Problem.InvalidParam> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual() && POOL.matcher(node.asText()).matches()) {
            return Optional.of(new Pool(node.asText()));
        }
        problems.add(new Problem.InvalidParam("pool", "must be 1-40 lower-case letters, digits or '-': "
                + "the round-robin pool it shares with the destinations naming the same one"));
        return Optional.empty();
    }

    private static Optional<DestinationId> id(String raw, List<Problem.InvalidParam> problems) {
        try {
            return Optional.of(new DestinationId(raw));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem.InvalidParam("id", e.getMessage()));
            return Optional.empty();
        }
    }

    private static URI url(JsonNode node, List<Problem.InvalidParam> problems) {
        try {
            URI url = new URI(node.asText(""));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below with the same words as a URL of the wrong kind
        }
        problems.add(new Problem.InvalidParam("url", "is required: an absolute http(s) URL"));
        return URI.create("https://invalid.example/");
    }

    private interface Reader<T> {
        Optional<T> read(String word);
    }

    private static <T> Set<T> words(JsonNode body, String key, List<Problem.InvalidParam> problems, Reader<T> reader,
            boolean required, String expected) {
        JsonNode list = body.path(key);
        Set<T> values = new LinkedHashSet<>();
        if (list.isMissingNode() || list.isNull()) {
            if (required) {
                problems.add(new Problem.InvalidParam(key, "is required: a list, each " + expected));
            }
            return values;
        }
        if (!list.isArray()) {
            problems.add(new Problem.InvalidParam(key, "must be a list, each " + expected));
            return values;
        }
        for (JsonNode element : list) {
            Optional<T> value = element.isTextual() ? reader.read(element.asText()) : Optional.empty();
            if (value.isEmpty()) {
                problems.add(new Problem.InvalidParam(key, "each must be " + expected));
                return values;
            }
            values.add(value.get());
        }
        if (required && values.isEmpty()) {
            problems.add(new Problem.InvalidParam(key, "must name at least one: " + expected));
        }
        return values;
    }

    private static int number(JsonNode body, String key, int fallback, int min, int max,
            List<Problem.InvalidParam> problems) {
        JsonNode node = body.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isInt() || node.asInt() < min || node.asInt() > max) {
            problems.add(new Problem.InvalidParam(key, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return node.asInt();
    }

    static ProblemException invalid(List<Problem.InvalidParam> problems) {
        return new ProblemException(Problem.invalidParams(problems));
    }
}
