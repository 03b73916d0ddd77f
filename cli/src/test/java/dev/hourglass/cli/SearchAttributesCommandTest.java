package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code workflows list --search}, alone and with {@code --id-contains}, {@code --newest-first} and {@code --count},
 * and the search attributes and memo that {@code show} and {@code describe} print.
 */
class SearchAttributesCommandTest {

    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
    static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
    static final SearchAttributeKey<Boolean> EXPRESS = SearchAttributeKey.forBoolean("Express");
    static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");

    private static OrdersStore store;

    @BeforeAll
    static void startOrders() {
        store = OrdersStore.empty();
        start("order-a", "c-1", 100, true, "gift");
        start("order-b", "c-1", 250, false, "bulk");
        start("order-c", "c-2", 100, false, "gift");
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    private static void start(String workflowId, String customer, long amount, boolean express, String tag) {
        SearchAttributes attributes = SearchAttributes.newBuilder().set(CUSTOMER, customer).set(AMOUNT, amount)
                .set(EXPRESS, express).set(TAGS, List.of(tag)).build();
        store.client().newUntypedWorkflowStub("OrderWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue(OrdersStore.TASK_QUEUE).setWorkflowId(workflowId).setTypedSearchAttributes(attributes)
                .setMemo(Map.of("note", "ring twice")).build()).start("lamp");
    }

    private static List<String> listed(String... search) {
        String[] arguments = new String[3 + search.length * 2];
        arguments[0] = "workflows";
        arguments[1] = "list";
        for (int i = 0; i < search.length; i++) {
            arguments[2 + 2 * i] = "--search";
            arguments[3 + 2 * i] = search[i];
        }
        arguments[arguments.length - 1] = "--store=" + store.location();
        Cli cli = Cli.run(arguments);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.exitCode()).isZero();
        return cli.lines().stream().skip(1).map(line -> line.split(" ")[0]).toList();
    }

    @Test
    void searchFiltersByAKeyword() {
        assertThat(listed("CustomerId=c-1")).containsExactly("order-a", "order-b");
    }

    @Test
    void repeatedSearchesMustAllHoldWithTypesReadFromTheValues() {
        assertThat(listed("CustomerId=c-1", "AmountCents=100", "Express=true")).containsExactly("order-a");
    }

    @Test
    void searchOfAKeywordListMatchesTheListsThatContainTheValue() {
        assertThat(listed("Tags:KeywordList=gift")).containsExactly("order-a", "order-c");
    }

    @Test
    void aSearchThatNothingMatchesSaysSo() {
        Cli cli = Cli.run("workflows", "list", "--search", "CustomerId=nobody", "--store", store.location());

        assertThat(cli.lines()).containsExactly("No workflow runs match.");
    }

    @Test
    void searchAndIdSearchMustBothHoldNewestFirst() {
        Cli cli = Cli.run("workflows", "list", "--search", "Tags:KeywordList=gift", "--id-contains", "ORDER-",
                "--newest-first", "--store", store.location());

        assertThat(cli.lines().stream().skip(1).map(line -> line.split(" ")[0])).containsExactly("order-c", "order-a");
    }

    @Test
    void countCountsTheRunsThatEverySearchKeeps() {
        Cli cli = Cli.run("workflows", "list", "--count", "--search", "CustomerId=c-1", "--search", "Express=false",
                "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("1\n");
    }

    @Test
    void aMalformedSearchIsAUsageErrorWhenCountingToo() {
        Cli cli = Cli.run("workflows", "list", "--count", "--search", "AmountCents:Long=many", "--store",
                store.location());

        assertThat(cli.exitCode()).isEqualTo(HourglassCli.USAGE);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("--search AmountCents:Long=many: 'many' is not a Long value of AmountCents")
                .hasLineCount(1);
    }

    @Test
    void aMalformedSearchIsAUsageError() {
        Cli cli = Cli.run("workflows", "list", "--search", "AmountCents:Long=many", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(HourglassCli.USAGE);
        assertThat(cli.err()).contains("--search AmountCents:Long=many: 'many' is not a Long value of AmountCents");
    }

    @Test
    void showPrintsTheSearchAttributesAndMemo() {
        Cli cli = Cli.run("workflows", "show", "order-a", "--store", store.location());

        assertThat(cli.lines()).contains(
                "Search attributes  AmountCents=100, CustomerId=c-1, Express=true, Tags=[gift]",
                "Memo               {\"note\":\"ring twice\"}");
    }

    @Test
    void describePrintsTheSearchAttributesAndMemo() {
        Cli cli = Cli.run("workflows", "describe", "order-b", "--store", store.location());

        assertThat(cli.lines()).contains(
                "Search attributes  AmountCents=250, CustomerId=c-1, Express=false, Tags=[bulk]",
                "Memo               note=\"ring twice\"");
    }
}
