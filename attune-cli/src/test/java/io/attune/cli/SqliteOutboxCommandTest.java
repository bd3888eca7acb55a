package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.store.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune outbox --data DIR}, and how the commands refuse what they cannot do. */
class SqliteOutboxCommandTest extends OutboxCommandContract {
    @TempDir
    Path elsewhere;

    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }

    @Test
    void a_directory_without_a_store_is_refused_and_left_without_one() {
        Cli.Run run = Cli.run("outbox", "dead-letters", "--workspace", workspace.value(),
                "--data", elsewhere.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("attune: no Attune store in " + elsewhere
                + " (give its directory with --data or a database with --db)\n");
        assertThat(elsewhere.resolve("attune.db")).doesNotExist();
    }

    @Test
    void the_workspace_is_required() {
        Cli.Run run = Cli.run(args("outbox", "dead-letters"));

        assertThat(run.exit()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--workspace=ID'");
    }

    @Test
    void a_malformed_workspace_or_destination_id_is_a_usage_error_naming_what_is_allowed() {
        Cli.Run workspaceRun = Cli.run(args("outbox", "dead-letters", "--workspace", "north side"));
        Cli.Run destinationRun = Cli.run(args("outbox", "replay", "--all", "--destination", "CRM!",
                "--workspace", workspace.value()));

        assertThat(workspaceRun.exit()).as(workspaceRun.describe()).isEqualTo(2);
        assertThat(workspaceRun.err()).contains("--workspace", "workspace id must be 1-64 letters, digits, '_' or '-'");
        assertThat(destinationRun.exit()).as(destinationRun.describe()).isEqualTo(2);
        assertThat(destinationRun.err()).contains("--destination", "destination ids are 1-64 lower-case letters");
        assertThat(status(crmKim)).contains("dead");
    }

    @Test
    void replay_takes_ids_or_all_and_a_destination_only_with_all() {
        Cli.Run neither = outbox("replay");
        Cli.Run both = outbox("replay", "--all", crmKim.id());
        Cli.Run destinationWithIds = outbox("replay", "--destination", "crm", crmKim.id());

        assertThat(neither.exit()).as(neither.describe()).isEqualTo(2);
        assertThat(neither.err()).contains("give the MESSAGE_IDs to replay, or --all");
        assertThat(both.exit()).as(both.describe()).isEqualTo(2);
        assertThat(both.err()).contains("give the MESSAGE_IDs to replay, or --all");
        assertThat(destinationWithIds.exit()).as(destinationWithIds.describe()).isEqualTo(2);
        assertThat(destinationWithIds.err()).contains("--destination goes with --all");
        assertThat(status(crmKim)).as("nothing replayed by a refused command").contains("dead");
    }

    @Test
    void help_needs_no_store_and_names_the_options() {
        Cli.Run run = Cli.run("outbox", "replay", "--help", "--data", elsewhere.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Usage: attune outbox replay", "--all", "--destination", "--workspace",
                "MESSAGE_ID");
        assertThat(elsewhere.resolve("attune.db")).doesNotExist();
    }

    @Test
    void outbox_alone_shows_its_subcommands() {
        Cli.Run run = Cli.run("outbox");

        assertThat(run.exit()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required subcommand", "dead-letters", "show", "replay");
    }
}
