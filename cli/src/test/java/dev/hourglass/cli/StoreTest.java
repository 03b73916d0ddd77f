package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreTest {

    @Test
    void readsASqliteFile() {
        assertThat(Store.parse("sqlite:data/orders.db", null, null))
                .isEqualTo(new Store(Path.of("data/orders.db"), null, null, null));
    }

    @Test
    void readsAJdbcSqliteUrlAsTheFile() {
        assertThat(Store.parse("jdbc:sqlite:/var/lib/orders.db", null, null).file())
                .isEqualTo(Path.of("/var/lib/orders.db"));
    }

    @Test
    void readsAPostgresqlUrlAsItsJdbcUrlWithTheUserAndPassword() {
        assertThat(Store.parse("postgresql://db:5432/orders", "ops", "s3cret"))
                .isEqualTo(new Store(null, "jdbc:postgresql://db:5432/orders", "ops", "s3cret"));
    }

    @Test
    void readsTheShortPostgresScheme() {
        assertThat(Store.parse("postgres://db/orders", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://db/orders");
    }

    @Test
    void keepsAJdbcUrlAsItIs() {
        assertThat(Store.parse("jdbc:postgresql://db:5432/orders?user=ops", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/orders?user=ops");
    }

    @Test
    void namesAPostgresqlStoreWithoutTheParametersOfItsUrl() {
        Store store = Store.parse("postgresql://db:5432/orders?user=ops&password=s3cret", null, null);

        assertThat(store.displayName()).isEqualTo("jdbc:postgresql://db:5432/orders");
        assertThat(store.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesAPostgresqlUrlWithoutAHost() {
        assertThatThrownBy(() -> Store.parse("postgresql:///orders", null, null))
                .isInstanceOf(CliException.class)
                .hasMessage("bad --store 'postgresql:///orders': the host is missing; expected sqlite:PATH,"
                        + " postgresql://HOST:PORT/DATABASE or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void refusesASqliteStoreWithoutAFile() {
        assertThatThrownBy(() -> Store.parse("sqlite:", null, null))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("bad --store 'sqlite:': the SQLite file is missing;");
    }

    @Test
    void prefersTheOptionsToTheEnvironment() {
        StoreOptions options = new StoreOptions();
        options.store = "sqlite:a.db";

        assertThat(Store.of(options, Map.of("HOURGLASS_STORE", "sqlite:b.db")).file()).isEqualTo(Path.of("a.db"));
    }

    @Test
    void takesThePasswordFromTheEnvironmentUnlessAnOptionGivesIt() {
        StoreOptions options = new StoreOptions();
        Map<String, String> environment = Map.of("HOURGLASS_STORE", "postgresql://db/orders",
                "HOURGLASS_STORE_PASSWORD", "from-env");

        assertThat(Store.of(options, environment).password()).isEqualTo("from-env");
        options.password = "from-option";
        assertThat(Store.of(options, environment).password()).isEqualTo("from-option");
    }
}
