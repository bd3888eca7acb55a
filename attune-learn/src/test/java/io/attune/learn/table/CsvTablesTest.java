package io.attune.learn.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {
    @TempDir
    Path directory;

    @Test
    void semicolon_files_are_recognised_and_quoted_separators_stay_in_their_field() throws IOException {
        Path file = Files.writeString(directory.resolve("leads.csv"), """
                \uFEFFname;city;"amount, usd";y
                "Lee, Jo";Austin;"1,200";yes
                Sam;"Portland; OR";300;no
                """);
        Table table = CsvTables.read(file, Optional.empty());

        assertThat(table.columns()).containsExactly("name", "city", "amount, usd", "y");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsExactly("Lee, Jo", "Austin", "1,200", "yes");
        assertThat(table.rows().get(1)).containsExactly("Sam", "Portland; OR", "300", "no");
    }

    @Test
    void an_explicit_separator_overrides_the_guess() throws IOException {
        Path file = Files.writeString(directory.resolve("pipes.csv"), "a|b,c\n1|2,3\n");
        assertThat(CsvTables.read(file, Optional.of(',')).columns()).containsExactly("a|b", "c");
        assertThat(CsvTables.read(file, Optional.of('|')).columns()).containsExactly("a", "b,c");
    }

    @Test
    void rows_with_the_wrong_number_of_fields_are_counted_and_left_out() throws IOException {
        Table table = CsvTables.parse("a,b,y\n1,2,yes\n1,2\n1,2,3,4\n5,6,no\n", ',');
        assertThat(table.rows()).hasSize(2);
        assertThat(table.skipped()).isEqualTo(2);
    }

    @Test
    void the_guess_ignores_separators_inside_quotes() {
        assertThat(SeparatorGuess.of(List.of("a;b;c", "\"x,y,z\";2;3"))).isEqualTo(';');
        assertThat(SeparatorGuess.of(List.of("a,b,c", "1,2,3"))).isEqualTo(',');
        assertThat(SeparatorGuess.of(List.of("a\tb", "1\t2"))).isEqualTo('\t');
    }

    @Test
    void an_unknown_column_is_named_with_the_ones_there_are() throws IOException {
        Table table = CsvTables.parse("a,b\n1,2\n", ',');
        assertThatThrownBy(() -> table.indexOf("c")).hasMessageContaining("no column 'c'").hasMessageContaining("[a, b]");
    }
}
