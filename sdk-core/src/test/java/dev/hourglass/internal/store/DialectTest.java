package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectTest {

    @TempDir
    Path dir;

    @Test
    void sqliteTellsABrokenUniqueKeyFromOtherConstraints() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("keys.db"))) {
            Dialect.execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER CHECK (n > 0))");
            Dialect.execute(connection, "INSERT INTO t VALUES (1, 'a', 1)");

            SQLException primaryKey = catchThrowableOfType(SQLException.class,
                    () -> Dialect.execute(connection, "INSERT INTO t VALUES (1, 'b', 1)"));
            SQLException unique = catchThrowableOfType(SQLException.class,
                    () -> Dialect.execute(connection, "INSERT INTO t VALUES (2, 'a', 1)"));
            SQLException check = catchThrowableOfType(SQLException.class,
                    () -> Dialect.execute(connection, "INSERT INTO t VALUES (3, 'c', 0)"));

            assertThat(Dialect.SQLITE.isUniqueViolation(primaryKey)).isTrue();
            assertThat(Dialect.SQLITE.isUniqueViolation(unique)).isTrue();
            assertThat(Dialect.SQLITE.isUniqueViolation(check)).isFalse();
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        assertThat(Schema.statements("-- a comment\nCREATE TABLE a (\n    x TEXT\n);\n\n-- another\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n    x TEXT\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void everyDialectHasTheScriptOfEveryMigration() {
        for (Dialect dialect : Dialect.values()) {
            for (Schema.Migration migration : Schema.CURRENT.migrations()) {
                assertThat(DialectTest.class.getClassLoader()
                        .getResource(dialect.scriptResource("dev/hourglass/store", migration.fileName())))
                        .as("script of version %s for %s", migration.version(), dialect).isNotNull();
            }
        }
    }
}
