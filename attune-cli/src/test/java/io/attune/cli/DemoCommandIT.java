package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune demo --once}: synthetic traffic through the real HTTP ingestion, read back through the API. */
class DemoCommandIT {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) MQLs \\(.*\\) and (\\d+) marketing qualified "
            + "accounts\\.$");

    @TempDir
    Path directory;

    @Test
    void a_small_demo_runs_end_to_end_and_finds_mqls() {
        Path data = directory.resolve("demo");

        Cli.Run run = Cli.run("demo", "--once", "--port", "0", "--people", "300", "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Attune is serving on http://127.0.0.1:", "Delivered ");
        Matcher summary = SUMMARY.matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(summary.group(1))).isPositive();
        DataDirectory store = new DataDirectory(data);
        assertThat(store.count("events")).isPositive();
        assertThat(store.rows("SELECT count(*) FROM leads WHERE stage = 'mql'").get(0)).isEqualTo(summary.group(1));
    }

    @Test
    void a_directory_that_holds_a_store_is_refused() {
        Path data = directory.resolve("taken");
        assertThat(Cli.run("workspace", "create", "Existing", "--data", data.toString()).exit()).isZero();

        Cli.Run run = Cli.run("demo", "--once", "--port", "0", "--people", "300", "--data", data.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("already holds a store; give the demo a fresh --data DIR");
    }
}
