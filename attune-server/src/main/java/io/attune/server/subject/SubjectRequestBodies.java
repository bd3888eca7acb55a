package io.attune.server.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.javalin.http.Context;
import java.util.List;

/** What every data-subject request route checks of its caller and its body. */
final class SubjectRequestBodies {
    private SubjectRequestBodies() {
    }

    /** Data-subject requests are for admin keys: a read key may not take everything about a person. */
    static WorkspaceId admin(Context ctx) {
        Principal caller = Caller.of(ctx);
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403, "Data-subject requests are for admin"
                    + " keys; this API key has the role " + caller.role().wireName() + "."));
        }
        return caller.workspace();
    }

    /** The body as a JSON object; {@code expected} says what it should hold when it is not one. */
    static JsonNode object(Context ctx, String expected) {
        JsonNode parsed;
        try {
            parsed = ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (parsed == null || !parsed.isObject()) {
            throw invalid("body", "must be " + expected);
        }
        return parsed;
    }

    /** One line of text: the audit log keeps it, and it names staff, grounds and tickets. */
    static String line(JsonNode body, String name, int max, List<Problem.InvalidParam> problems) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().strip().length() > max
                || value.asText().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(new Problem.InvalidParam(name, "must be text of 1-" + max + " characters on one line"));
            return null;
        }
        return value.asText().strip();
    }

    static ProblemException invalid(String name, String reason) {
        return new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam(name, reason))));
    }
}
