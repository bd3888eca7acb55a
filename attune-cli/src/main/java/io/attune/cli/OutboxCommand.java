package io.attune.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.Redaction;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Outbox.DeadLetter;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.ApiJson;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attune outbox dead-letters|show|replay}: the hand-offs given up on, their attempts, and putting
 * them back. Works on the database directly; a running server's dispatcher delivers a replayed message
 * at its next poll, with the same webhook id. Prints ids, types and errors, never what a message says
 * about its lead.
 */
@Command(name = "outbox", description = "Lists dead-lettered hand-offs, shows a message's delivery attempts and "
        + "replays dead letters. Safe while the server runs: it delivers replayed messages at its next poll.",
        subcommands = {OutboxCommand.DeadLetters.class, OutboxCommand.Show.class, OutboxCommand.Replay.class})
final class OutboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: dead-letters, show or replay");
    }

    /** The store ({@code --data} or {@code --db}) and the workspace in it whose outbox is meant. */
    static final class Target {
        @Mixin
        StoreOptions store;

        @Option(names = "--workspace", required = true, paramLabel = "ID", converter = WorkspaceIdConverter.class,
                description = "the workspace")
        WorkspaceId workspace;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        /** Opens the store, refusing a SQLite directory without one (rather than creating it) and an unknown workspace. */
        Store open() {
            StoreLocation location = store.location();
            if (location instanceof StoreLocation.SqliteDirectory sqlite
                    && !Files.isRegularFile(sqlite.directory().resolve("attune.db"))) {
                throw new IllegalArgumentException("no Attune store in " + sqlite.directory()
                        + " (give its directory with --data or a database with --db)");
            }
            Store opened = store.open(Clock.systemUTC());
            if (opened.workspaces().workspace(workspace).isEmpty()) {
                opened.close();
                throw new IllegalArgumentException("no workspace " + workspace + " in this store");
            }
            return opened;
        }
    }

    static final class WorkspaceIdConverter implements CommandLine.ITypeConverter<WorkspaceId> {
        @Override
        public WorkspaceId convert(String value) {
            return converted(value, WorkspaceId::new);
        }
    }

    static final class DestinationIdConverter implements CommandLine.ITypeConverter<DestinationId> {
        @Override
        public DestinationId convert(String value) {
            return converted(value, DestinationId::new);
        }
    }

    /** A value the identifier's own check refuses is a usage error (exit 2) that says what is allowed. */
    private static <T> T converted(String value, Function<String, T> constructor) {
        try {
            return constructor.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Every dead letter of the workspace, newest first, optionally of one destination only. */
    private static List<DeadLetter> deadLetters(Store store, WorkspaceId workspace, Optional<DestinationId> only) {
        return store.outbox().deadLetters(workspace, Integer.MAX_VALUE).stream()
                .filter(dead -> only.map(dead.message().destination()::equals).orElse(true)).toList();
    }

    private static ObjectWriter json() {
        return ApiJson.mapper().writerWithDefaultPrettyPrinter();
    }

    /** The JSON of {@code GET /api/outbox/dead-letters}. */
    record DeadLetterBody(String id, String destination, String subject, String type, Instant at, int attempts,
            String lastError) {
        static DeadLetterBody of(DeadLetter dead) {
            return new DeadLetterBody(dead.message().id(), dead.message().destination().value(),
                    dead.message().subject(), dead.message().type().wireName(), dead.message().at(), dead.attempts(),
                    dead.lastError().orElse(null));
        }
    }

    /** The JSON of {@code GET /api/outbox/{id}}. */
    record MessageBody(String id, String status, List<AttemptBody> attempts, List<DecisionBody> decisions) {
    }

    /** One egress decision as {@code GET /api/outbox/{id}} shows it: ids, outcome, rule ids and field names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionBody(Instant at, String message, String destination, String lead, String type, int attempt,
            String outcome, List<String> rules, List<RedactionBody> redactions, String reason) {
        static DecisionBody of(EgressRecord record) {
            return new DecisionBody(record.at(), record.messageId(), record.destination().value(), record.lead(),
                    record.type().wireName(), record.attempt(), record.outcome().wireName(), record.ruleIds(),
                    record.redactions().stream().map(RedactionBody::of).toList(), record.reason().orElse(null));
        }
    }

    record RedactionBody(String field, String dataClass, String treatment, List<String> rules) {
        static RedactionBody of(Redaction redaction) {
            return new RedactionBody(redaction.field(), redaction.dataClass().wireName(), treatmentOf(redaction),
                    redaction.rules().stream().sorted().map(EgressRule::id).toList());
        }
    }

    private static String treatmentOf(Redaction redaction) {
        return redaction.treatment().name().toLowerCase(Locale.ROOT);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptBody(int attempt, Instant at, String outcome, Integer status, long latencyMillis, String error) {
        static AttemptBody of(DeliveryAttempt attempt) {
            return new AttemptBody(attempt.attempt(), attempt.at(), outcomeOf(attempt),
                    attempt.status().isPresent() ? attempt.status().getAsInt() : null, attempt.latencyMillis(),
                    attempt.error().orElse(null));
        }
    }

    private static String outcomeOf(DeliveryAttempt attempt) {
        return attempt.outcome().name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "dead-letters", description = "Lists the workspace's dead letters, newest first: hand-offs given "
            + "up on after their destination's maximum attempts, with when the lead moved and the last error.")
    static final class DeadLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Option(names = "--destination", paramLabel = "ID", converter = DestinationIdConverter.class,
                description = "only the dead letters of this destination")
        DestinationId destination;

        @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
                description = "show at most N, the newest (default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "print JSON (the body of GET /api/outbox/dead-letters)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            List<DeadLetter> dead;
            try (Store store = target.open()) {
                dead = deadLetters(store, target.workspace, Optional.ofNullable(destination));
            }
            List<DeadLetter> shown = dead.subList(0, Math.min(limit, dead.size()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json().writeValueAsString(Map.of("items", shown.stream().map(DeadLetterBody::of).toList())));
                return 0;
            }
            if (dead.isEmpty()) {
                out.printf("no dead letters in workspace %s%s%n", target.workspace,
                        destination == null ? "" : " for destination " + destination);
                return 0;
            }
            TextTable table = new TextTable("ID", "DESTINATION", "TYPE", "LEAD", "WHEN", "ATTEMPTS", "LAST ERROR");
            for (DeadLetter letter : shown) {
                table.row(letter.message().id(), letter.message().destination(), letter.message().type().wireName(),
                        letter.message().subject(), letter.message().at(), letter.attempts(),
                        letter.lastError().orElse("-"));
            }
            table.print(out);
            out.println(shown.size() == dead.size() ? plural(dead.size(), "dead letter")
                    : "the newest " + shown.size() + " of " + plural(dead.size(), "dead letter") + " (see --limit)");
            return 0;
        }
    }

    @Command(name = "show", description = "Shows a message's status (pending, delivered, dead or blocked), every "
            + "delivery attempt (when, outcome, HTTP status, latency and error) and every egress decision taken before "
            + "an attempt (outcome, rule ids, the names of the fields redacted).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Parameters(paramLabel = "MESSAGE_ID", description = "the message (webhook) id, e.g. msg_3f2a…")
        String id;

        @Option(names = "--json", description = "print JSON (the body of GET /api/outbox/{id})")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String status;
            List<DeliveryAttempt> attempts;
            List<EgressRecord> decisions;
            try (Store store = target.open()) {
                status = store.outbox().status(target.workspace, id).orElseThrow(() -> new IllegalArgumentException(
                        "no outbox message " + id + " in workspace " + target.workspace));
                attempts = store.outbox().attempts(target.workspace, id);
                decisions = store.egress().ofMessage(target.workspace, id);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json().writeValueAsString(new MessageBody(id, status,
                        attempts.stream().map(AttemptBody::of).toList(),
                        decisions.stream().map(DecisionBody::of).toList())));
                return 0;
            }
            out.printf("%s  %s%n", id, status);
            if (attempts.isEmpty()) {
                out.println("no attempts yet");
            } else {
                TextTable table = new TextTable("ATTEMPT", "AT", "OUTCOME", "HTTP", "LATENCY", "ERROR");
                for (DeliveryAttempt attempt : attempts) {
                    table.row(attempt.attempt(), attempt.at(), outcomeOf(attempt),
                            attempt.status().isPresent() ? attempt.status().getAsInt() : "-",
                            attempt.latencyMillis() + " ms", attempt.error().orElse("-"));
                }
                table.print(out);
            }
            if (!decisions.isEmpty()) {
                TextTable table = new TextTable("DECIDED FOR", "AT", "EGRESS", "RULES", "REDACTED");
                for (EgressRecord decision : decisions) {
                    table.row("attempt " + decision.attempt(), decision.at(), decision.outcome().wireName(),
                            decision.ruleIds().isEmpty() ? "-" : String.join(" ", decision.ruleIds()),
                            decision.redactions().isEmpty() ? "-" : decision.redactions().stream()
                                    .map(redaction -> redaction.field() + ":" + treatmentOf(redaction))
                                    .collect(Collectors.joining(" ")));
                }
                table.print(out);
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Puts dead letters back to be delivered now, with the same webhook id. "
            + "An id that is not a dead letter is reported and the others are still replayed; the exit code is then 3.")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        @Parameters(paramLabel = "MESSAGE_ID", arity = "0..*", description = "the dead letters to replay")
        List<String> ids = new ArrayList<>();

        @Option(names = "--all", description = "replay every dead letter of the workspace")
        boolean all;

        @Option(names = "--destination", paramLabel = "ID", converter = DestinationIdConverter.class,
                description = "with --all: only the dead letters of this destination")
        DestinationId destination;

        @Override
        public Integer call() {
            if (all == !ids.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give the MESSAGE_IDs to replay, or --all");
            }
            if (destination != null && !all) {
                throw new ParameterException(spec.commandLine(), "--destination goes with --all");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int replayed = 0;
            int refused = 0;
            try (Store store = target.open()) {
                Map<String, DeadLetter> dead = new LinkedHashMap<>();
                for (DeadLetter letter : deadLetters(store, target.workspace, Optional.ofNullable(destination))) {
                    dead.put(letter.message().id(), letter);
                }
                List<String> wanted = new ArrayList<>(all ? dead.keySet() : new LinkedHashSet<>(ids));
                if (all) {
                    Collections.reverse(wanted); // oldest first, as they were written
                }
                if (wanted.isEmpty()) {
                    out.printf("no dead letters to replay in workspace %s%s%n", target.workspace,
                            destination == null ? "" : " for destination " + destination);
                    return 0;
                }
                for (String id : wanted) {
                    DeadLetter letter = dead.get(id);
                    if (letter != null && store.outbox().replay(target.workspace, id, Clock.systemUTC().instant())) {
                        out.printf("replayed %s  %s  %s  lead %s%n", id, letter.message().destination(),
                                letter.message().type().wireName(), letter.message().subject());
                        replayed++;
                    } else {
                        err.printf("attune: %s %s%n", id, notReplayable(store.outbox().status(target.workspace, id)));
                        refused++;
                    }
                }
            }
            out.printf("%s replayed%s%n", plural(replayed, "dead letter"),
                    refused == 0 ? "" : ", " + refused + " not replayed");
            return refused == 0 ? 0 : 3;
        }

        private String notReplayable(Optional<String> status) {
            return status.map(now -> switch (now) {
                case "pending" -> "is not a dead letter: it is still being delivered";
                case "delivered" -> "is not a dead letter: it was delivered";
                default -> "is not a dead letter (" + now + ")";
            }).orElse("is not an outbox message of workspace " + target.workspace);
        }
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
