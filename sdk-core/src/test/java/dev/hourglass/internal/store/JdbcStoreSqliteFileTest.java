package dev.hourglass.internal.store;

import dev.hourglass.service.IncompatibleDatabaseException;
import dev.hourglass.service.StoreException;
import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.service.IncompatibleDatabaseException.Reason;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.internal.store.TestDatabase.SqliteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a store in a SQLite file does: its journal mode, and files that are no database or cannot be. */
class JdbcStoreSqliteFileTest {

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void putsTheFileInWriteAheadLogMode() throws Exception {
        SqliteFile database = new SqliteFile(dir.resolve("hourglass.db"));
        database.open(clock).close();

        assertThat(database.query("PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void refusesAFileThatIsNotASqliteDatabaseNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database; ".repeat(100), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new SqliteFile(file).open(clock))
                .isInstanceOfSatisfying(IncompatibleDatabaseException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.NOT_A_DATABASE))
                .hasMessageContaining("the store's file " + file + " is not a SQLite database, or it is damaged");
        assertThat(Files.readString(file)).startsWith("these are my notes");
    }

    @Test
    void refusesAFileInADirectoryThatDoesNotExist() {
        Path file = dir.resolve("missing").resolve("hourglass.db");

        assertThatThrownBy(() -> new SqliteFile(file).open(clock))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the store " + file + ": its directory " + file.getParent()
                        + " does not exist; create it first");
    }
}
