package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection that keeps its prepared statements hands out one statement per SQL, cleared between uses. */
class StatementCacheTest {

    private static final String SELECT = "SELECT name FROM entries WHERE name >= ? ORDER BY name";

    private Connection raw;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE entries (name TEXT PRIMARY KEY)");
            statement.execute("INSERT INTO entries (name) VALUES ('a'), ('b'), ('c')");
        }
        connection = StatementCache.wrap(raw);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theSameSqlPreparedAgainReusesTheStatementPreparedBefore() throws SQLException {
        PreparedStatement first;
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            first = statement.unwrap(PreparedStatement.class);
            assertThat(names(statement, "b")).containsExactly("b", "c");
        }
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(first);
            assertThat(names(statement, "a")).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aStatementClosedByItsUserHasItsParametersCleared() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, "c");
        }
        try (PreparedStatement statement = connection.prepareStatement(SELECT);
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).as("a NULL parameter matches no row").isFalse();
        }
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        try (PreparedStatement outer = connection.prepareStatement(SELECT)) {
            outer.setString(1, "a");
            try (ResultSet rows = outer.executeQuery()) {
                List<String> pairs = new ArrayList<>();
                while (rows.next()) {
                    try (PreparedStatement inner = connection.prepareStatement(SELECT)) {
                        assertThat(inner.unwrap(PreparedStatement.class))
                                .isNotSameAs(outer.unwrap(PreparedStatement.class));
                        pairs.add(rows.getString(1) + names(inner, "c"));
                    }
                }
                assertThat(pairs).containsExactly("a[c]", "b[c]", "c[c]");
            }
        }
    }

    @Test
    void aClosedStatementRefusesUse() throws SQLException {
        PreparedStatement statement = connection.prepareStatement(SELECT);
        statement.close();

        assertThat(statement.isClosed()).isTrue();
        assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                .hasMessageContaining("after it was closed");
    }

    @Test
    void statementsBeyondTheLimitAreClosedLeastRecentlyUsedFirst() throws SQLException {
        PreparedStatement oldest;
        try (PreparedStatement statement = connection.prepareStatement("SELECT 0")) {
            oldest = statement.unwrap(PreparedStatement.class);
        }
        for (int i = 1; i <= StatementCache.MAX_STATEMENTS; i++) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + i)) {
                statement.executeQuery().close();
            }
        }

        assertThat(oldest.isClosed()).isTrue();
    }

    @Test
    void closingTheConnectionClosesItsStatements() throws SQLException {
        PreparedStatement kept;
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            kept = statement.unwrap(PreparedStatement.class);
        }

        connection.close();

        assertThat(kept.isClosed()).isTrue();
        assertThat(raw.isClosed()).isTrue();
    }

    private static List<String> names(PreparedStatement statement, String from) throws SQLException {
        statement.setString(1, from);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
