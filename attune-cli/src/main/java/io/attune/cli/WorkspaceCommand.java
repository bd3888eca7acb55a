package io.attune.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.Workspace;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attune workspace create|list|key}. */
@Command(name = "workspace", description = "Create and list workspaces, and issue API keys.",
        subcommands = {WorkspaceCommand.Create.class, WorkspaceCommand.ListAll.class, WorkspaceCommand.Key.class})
final class WorkspaceCommand {

    @Command(name = "create", description = "Creates a workspace with the five starter models and prints its write "
            + "key and an admin API key. They are shown only this once: only their hashes are stored.")
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "NAME", description = "the organisation's name")
        String name;

        @Option(names = "--segment", defaultValue = "consumer", paramLabel = "SEGMENT",
                description = "segment of leads that name none: consumer, employer, payer, referral, community "
                        + "(default ${DEFAULT-VALUE})")
        String segment;

        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Segment defaultSegment = Segment.fromWireName(segment).orElseThrow(() -> new IllegalArgumentException(
                    "--segment must be one of consumer, employer, payer, referral, community"));
            if (name.isBlank() || name.length() > Workspace.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("NAME must be 1-" + Workspace.MAX_NAME_LENGTH + " characters");
            }
            Clock clock = Clock.systemUTC();
            try (Store opened = store.open(clock)) {
                Credentials credentials = opened.workspaces().create(name, defaultSegment, clock.instant());
                print(credentials);
            }
            return 0;
        }

        private void print(Credentials credentials) throws Exception {
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("workspace", credentials.workspace().id().value());
                out.put("name", credentials.workspace().name());
                out.put("defaultSegment", credentials.workspace().defaultSegment().wireName());
                out.put("writeKey", credentials.writeKey());
                out.put("adminKey", credentials.adminKey());
                spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(out));
                return;
            }
            spec.commandLine().getOut().printf("workspace  %s (%s)%nwrite key  %s%nadmin key  %s%n"
                            + "These keys are shown once; store them now.%n", credentials.workspace().id(),
                    credentials.workspace().name(), credentials.writeKey(), credentials.adminKey());
        }
    }

    @Command(name = "list", description = "Lists workspaces (never their keys).")
    static final class ListAll implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Store opened = store.open(Clock.systemUTC())) {
                for (Workspace workspace : opened.workspaces().list()) {
                    spec.commandLine().getOut().printf("%s  %s  default segment %s  created %s%n", workspace.id(),
                            workspace.name(), workspace.defaultSegment().wireName(), workspace.createdAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "key", description = "Issues an API key of a workspace and prints it. It is shown only this once: "
            + "only its hash is stored. Role clinician is the only one that may clear a crisis hold.")
    static final class Key implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--workspace", required = true, paramLabel = "ID", description = "the workspace")
        String workspace;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, read or clinician")
        String role;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "what the key is for, e.g. \"on-call clinician\"")
        String name;

        @Override
        public Integer call() {
            Role chosen = Role.fromWireName(role).orElseThrow(() -> new IllegalArgumentException(
                    "--role must be one of admin, read, clinician"));
            if (name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("--name must be 1-100 characters");
            }
            Clock clock = Clock.systemUTC();
            try (Store opened = store.open(clock)) {
                WorkspaceId id = new WorkspaceId(workspace);
                if (opened.workspaces().workspace(id).isEmpty()) {
                    throw new IllegalArgumentException("no workspace " + workspace + " in this store");
                }
                String key = opened.workspaces().issueApiKey(id, chosen, name.strip(), clock.instant());
                spec.commandLine().getOut().printf("%s key  %s%nThis key is shown once; store it now.%n",
                        chosen.wireName(), key);
            }
            return 0;
        }
    }
}
