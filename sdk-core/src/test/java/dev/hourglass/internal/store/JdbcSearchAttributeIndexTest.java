package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table {@code hourglass_search_attributes} (schema version 3) on every dialect: listing filters look run ids up
 * in it, it is kept at start, and a database of version 2 migrates to it.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcSearchAttributeIndexTest {

    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
    static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
    static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, dir);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private WorkflowServiceSpi openService() {
        return new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(), Duration.ofDays(1));
    }

    private static SearchAttributes attributes(String customer, long amount, String tag) {
        return SearchAttributes.newBuilder().set(CUSTOMER, customer).set(AMOUNT, amount).set(TAGS, List.of(tag, "all"))
                .build();
    }

    private static List<String> allIds(WorkflowServiceSpi service, ExecutionFilter filter) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            ExecutionPage page = service.listWorkflowExecutions(filter, token);
            page.getExecutions().forEach(run -> ids.add(run.getExecution().getWorkflowId()));
            token = page.getNextPageToken().orElse(null);
        } while (token != null);
        return ids;
    }

    @Test
    void listingOverManyRunsReturnsOnlyTheMatchesPageByPage() {
        WorkflowServiceSpi service = openService();
        try {
            for (int i = 0; i < 120; i++) {
                boolean needle = i % 30 == 7;
                service.startWorkflow(start("order-" + (1000 + i)).withSearchAttributesAndMemo(
                        attributes(needle ? "needle" : "hay-" + i, i, needle ? "vip" : "plain"), null));
            }

            List<String> byKeyword = allIds(service, ExecutionFilter.newBuilder().setSearchAttribute(CUSTOMER, "needle")
                    .setPageSize(2).build());
            List<String> byTag = allIds(service, ExecutionFilter.newBuilder().setSearchAttribute(TAGS, List.of("vip"))
                    .build());
            List<String> byRange = allIds(service, ExecutionFilter.newBuilder()
                    .setSearchAttributeRange(AMOUNT, 30L, 40L).build());

            assertThat(byKeyword).containsExactly("order-1007", "order-1037", "order-1067", "order-1097");
            assertThat(byTag).containsExactlyElementsOf(byKeyword);
            assertThat(byRange).hasSize(11).first().isEqualTo("order-1030");
        } finally {
            service.close();
        }
    }

    @Test
    void listedRunsCarryTheirAttributesReadBackFromTheTable() {
        WorkflowServiceSpi service = openService();
        try {
            service.startWorkflow(start("order-1").withSearchAttributesAndMemo(attributes("c-1", 5, "gift"), null));

            WorkflowExecutionMetadata listed = service.listWorkflowExecutions(ExecutionFilter.all(), null)
                    .getExecutions().get(0);

            assertThat(listed.getTypedSearchAttributes()).isEqualTo(attributes("c-1", 5, "gift"));
        } finally {
            service.close();
        }
    }

    @Test
    void aKeywordLookUpUsesTheIndexOnNameAndValue() throws Exception {
        assumeTrue(dialect == Dialect.SQLITE, "SQLite reports its plan for any table size; PostgreSQL plans by size");
        database.open(clock).close();
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN SELECT run_id FROM hourglass_runs WHERE"
                        + " run_id IN (SELECT run_id FROM hourglass_search_attributes WHERE name = 'CustomerId'"
                        + " AND value_type = 'Keyword' AND keyword_value = 'needle')")) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }

        assertThat(plan.toString()).contains("hourglass_search_attributes_by_keyword (name=? AND keyword_value=?)");
    }

    @Test
    void aVersion2DatabaseMigratesAndIndexesTheRunsStartedAfter() throws Exception {
        try (JdbcStore store = database.open(clock)) {
            store.startRun(start("before-1"));
        }
        // what a database of schema version 2 is: the same without the tables of versions 3 and later
        database.execute("DROP TABLE hourglass_updates", "DROP TABLE hourglass_search_attributes",
                "DELETE FROM hourglass_schema WHERE version >= 3");

        WorkflowServiceSpi service = openService();
        try {
            service.startWorkflow(start("after-1").withSearchAttributesAndMemo(attributes("c-9", 1, "new"), null));

            assertThat(allIds(service, ExecutionFilter.all())).containsExactlyInAnyOrder("before-1", "after-1");
            assertThat(allIds(service, ExecutionFilter.newBuilder().setSearchAttribute(CUSTOMER, "c-9").build()))
                    .containsExactly("after-1");
        } finally {
            service.close();
        }
        assertThat(database.query("SELECT MAX(version) FROM hourglass_schema"))
                .containsExactly(String.valueOf(Schema.CURRENT.latestVersion()));
    }
}
