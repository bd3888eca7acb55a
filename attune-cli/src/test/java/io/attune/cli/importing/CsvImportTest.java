package io.attune.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV side of an import: rows, their line numbers and the reject file, against a recording sink. */
class CsvImportTest {
    @TempDir
    Path directory;

    private final RecordingSink sink = new RecordingSink();

    /** Keeps every batch it is sent; refuses the messages whose user id it was told to, by index. */
    private static final class RecordingSink implements MessageSink {
        final List<List<ObjectNode>> batches = new ArrayList<>();
        String refuseUserId = "";

        @Override
        public Map<Integer, String> send(List<ObjectNode> messages) {
            batches.add(List.copyOf(messages));
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).path("userId").asText().equals(refuseUserId)) {
                    return Map.of(i, MessageSink.reason("batch[" + i + "].userId", "is refused by the test"));
                }
            }
            return Map.of();
        }

        List<String> userIds() {
            return batches.stream().flatMap(List::stream).map(message -> message.path("userId").asText()).toList();
        }
    }

    private CsvImport.Summary run(String csv) throws Exception {
        Path mapping = Files.writeString(directory.resolve("mapping.yaml"), """
                kind: leads
                ids: {userId: id}
                fields:
                  visits: {column: visits, type: number}
                  note: note
                """);
        Path file = Files.writeString(directory.resolve("rows.csv"), csv);
        return new CsvImport(ImportMapping.read(mapping), ',').run(file, directory.resolve("rejects.csv"), sink);
    }

    private List<String> rejectLines() throws IOException {
        return Files.readAllLines(directory.resolve("rejects.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void a_row_is_numbered_by_the_line_it_starts_on_across_quoted_line_breaks_crlf_and_blank_lines() throws Exception {
        CsvImport.Summary summary = run("id,visits,note\r\n"
                + "A,1,\"two\r\nlines\"\r\n"
                + "B,many,x\r\n"
                + "\r\n"
                + "C,2,\"three\nshort\nlines\"\n"
                + "D,lots,\"and\nthis one\"\n"
                + "\n"
                + "E,none,x");

        assertThat(summary.rows()).as("blank lines are not rows").isEqualTo(5);
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(sink.userIds()).containsExactly("A", "C");
        assertThat(rejectLines()).containsExactly(
                "line,reason,id,visits,note",
                "4,\"visits is not a number\",B,many,x",
                "9,\"visits is not a number\",D,lots,\"and",
                "this one\"",
                "12,\"visits is not a number\",E,none,x");
    }

    @Test
    void a_row_with_more_cells_than_the_header_is_rejected_whole_and_the_import_goes_on() throws Exception {
        CsvImport.Summary summary = run("""
                id,visits,note
                A,1,unquoted, comma
                B,2,trailing empty cell,
                C,3,x
                """);

        assertThat(summary.rows()).isEqualTo(3);
        assertThat(sink.userIds()).containsExactly("B", "C");
        assertThat(rejectLines()).containsExactly(
                "line,reason,id,visits,note",
                "2,\"has 4 cells but the header has 3 columns\",A,1,unquoted,comma");
    }

    @Test
    void a_quote_that_never_closes_is_reported_where_it_opens_and_the_rows_before_it_are_imported() throws Exception {
        CsvImport.Summary summary = run("""
                id,visits,note
                A,1,x
                B,2,"no closing quote
                C,3,x
                """);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(sink.userIds()).containsExactly("A");
        assertThat(rejectLines()).hasSize(2);
        assertThat(rejectLines().get(1)).startsWith("3,\"not valid CSV (").endsWith(
                "); this row and the rest of the file were not read\"");
    }

    @Test
    void a_message_the_sink_refuses_is_rejected_on_its_own_line_with_the_field_and_not_the_batch_index()
            throws Exception {
        sink.refuseUserId = "B";

        CsvImport.Summary summary = run("""
                id,visits,note
                A,1,"x
                y"
                B,2,z
                C,3,w
                """);

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(rejectLines()).containsExactly("line,reason,id,visits,note",
                "4,\"userId is refused by the test\",B,2,z");
    }

    @Test
    void batches_hold_at_most_500_rows_and_stay_under_the_request_size_limit() throws Exception {
        StringBuilder csv = new StringBuilder("id,visits,note\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("R").append(i).append(',').append(i).append(',')
                    .append(i < 600 ? "short" : "long note ".repeat(100)).append('\n');
        }

        CsvImport.Summary summary = run(csv.toString());

        assertThat(summary.accepted()).isEqualTo(1_200);
        assertThat(sink.batches).allSatisfy(batch -> {
            assertThat(batch).hasSizeLessThanOrEqualTo(500);
            assertThat(batch.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(500 * 1024);
        });
        assertThat(sink.batches.get(0)).as("narrow rows go 500 at a time").hasSize(500);
    }

    @Test
    void a_reason_names_the_field_within_the_message() {
        assertThat(MessageSink.reason("batch[212].userId", "must be at most 256 characters"))
                .isEqualTo("userId must be at most 256 characters");
        assertThat(MessageSink.reason("batch[3].traits.age", "is not a number the core can hold"))
                .isEqualTo("traits.age is not a number the core can hold");
        assertThat(MessageSink.reason("batch[7]", "is 40000 bytes long; a message may be at most 32768"))
                .isEqualTo("is 40000 bytes long; a message may be at most 32768");
    }
}
