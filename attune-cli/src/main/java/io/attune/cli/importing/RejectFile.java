package io.attune.cli.importing;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of a CSV import that were not taken, written beside the input so they can be fixed and
 * imported again: {@code line}, {@code reason} and the file's own header, then each row as it was read.
 */
public final class RejectFile {

    /** A row that was not taken: its line in the input, its cells as read, and why. */
    public record Reject(long line, List<String> cells, String reason) {
    }

    private RejectFile() {
    }

    /** Writes {@code rejects} in line order, with the input's separator. */
    public static void write(Path file, char separator, List<String> header, List<Reject> rejects)
            throws IOException {
        List<Reject> inOrder = new ArrayList<>(rejects);
        inOrder.sort(Comparator.comparingLong(Reject::line));
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter out = new CsvMapper().writerFor(List.class).with(schema).writeValues(writer)) {
            List<String> columns = new ArrayList<>(List.of("line", "reason"));
            columns.addAll(header);
            out.write(columns);
            for (Reject reject : inOrder) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(reject.line()), reject.reason()));
                row.addAll(reject.cells());
                out.write(row);
            }
        }
    }
}
