package io.attune.cli;

import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.crypto.KeySource;
import io.attune.store.db.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the SQLite store that a command left in a {@code --data} directory, with plain JDBC. */
final class DataDirectory {
    private final Path directory;

    DataDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    /** Each row of the query as its columns' text joined by '|', in the query's order. */
    List<String> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + directory.resolve("attune.db").toAbsolutePath());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> cells = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        cells.add(String.valueOf(result.getObject(column)));
                    }
                    rows.add(String.join("|", cells));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each lead's state opened with the data keys a command finds here with no options (each seal has a
     * fresh nonce, so only the opened text compares): workspace|lead|state.
     */
    List<String> leadStates() {
        CellCipher cipher = new CellCipher(KeySource.of(new StoreLocation.SqliteDirectory(directory), Optional.empty(),
                System.getenv()).load());
        return rows("SELECT workspace_id, lead_id, state FROM leads ORDER BY workspace_id, lead_id").stream()
                .map(row -> {
                    String[] cells = row.split("\\|", 3);
                    return cells[0] + "|" + cells[1] + "|"
                            + cipher.open(cells[2], CellAddress.leadState(cells[0], cells[1]));
                }).toList();
    }

    long count(String table) {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0));
    }
}
