package io.attune.server.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.copy.CopyFormat;
import io.attune.core.copy.CopyLinter;
import io.attune.core.copy.SubstantiationId;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/lint}: checks marketing copy (plain text, Markdown or HTML) for unsubstantiated
 * claims, pressure, testimonial, privacy, insurance and referral claims, stigmatising language and
 * unsafe suicide messaging, and answers every finding with its place in the text. The request names
 * the substantiation ids the team has registered; the text is neither stored nor logged. Linting
 * changes nothing, so any key may call it, read keys included.
 */
public final class LintRoutes implements RouteGroup {
    public static final String PATH = "/api/lint";
    /** Enough for a long landing page; more is not copy. */
    static final int MAX_TEXT = 1_000_000;
    static final int MAX_SUBSTANTIATIONS = 500;

    private final CopyLinter linter;

    public LintRoutes(CopyLinter linter) {
        this.linter = linter;
    }

    /** Whether a request path is the lint endpoint, which read keys may POST to. */
    public static boolean isLint(String path) {
        return PATH.equals(path);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::lint);
    }

    private void lint(Context ctx) {
        JsonNode body = json(ctx);
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        JsonNode textNode = body.get("text");
        String text = textNode != null && textNode.isTextual() ? textNode.asText() : null;
        if (text == null || text.length() > MAX_TEXT) {
            invalid.add(new Problem.InvalidParam("text", "is required: the copy to check, at most " + MAX_TEXT
                    + " characters"));
        }
        Optional<CopyFormat> format = format(body.get("format"));
        if (format.isEmpty()) {
            invalid.add(new Problem.InvalidParam("format", "must be text, markdown or html (default text)"));
        }
        Set<SubstantiationId> substantiations = substantiations(body.get("substantiations"), invalid);
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
        ctx.json(LintBodies.Report.of(linter.lint(text, format.get(), substantiations)));
    }

    private static Optional<CopyFormat> format(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(CopyFormat.TEXT);
        }
        return node.isTextual() ? CopyFormat.ofWireName(node.asText()) : Optional.empty();
    }

    private static Set<SubstantiationId> substantiations(JsonNode node, List<Problem.InvalidParam> invalid) {
        Set<SubstantiationId> ids = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (!node.isArray() || node.size() > MAX_SUBSTANTIATIONS) {
            invalid.add(new Problem.InvalidParam("substantiations", "must be a list of at most "
                    + MAX_SUBSTANTIATIONS + " registered reference ids"));
            return ids;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (id.isTextual() && SubstantiationId.isValid(id.asText())) {
                ids.add(new SubstantiationId(id.asText()));
            } else {
                invalid.add(new Problem.InvalidParam("substantiations[" + i + "]", "must be 1-64 letters, digits, "
                        + "'.', '_', ':' or '-', starting with a letter or digit, as cited in the copy ([^id])"));
            }
        }
        return ids;
    }

    private static JsonNode json(Context ctx) {
        try {
            JsonNode body = ApiJson.mapper().readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                        "must be a JSON object with text, and optionally format and substantiations"))));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }
}
