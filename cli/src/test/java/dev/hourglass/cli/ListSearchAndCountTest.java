package dev.hourglass.cli;

import static dev.hourglass.cli.ListCommandTest.HEADER;
import static dev.hourglass.cli.ListCommandTest.RUN_ID;
import static dev.hourglass.cli.ListCommandTest.TIME;
import static dev.hourglass.cli.ListCommandTest.workflowIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code workflows list --id-contains}, {@code --newest-first} and {@code --count}, alone and with the others. */
@ExtendWith(OrdersStoreExtension.class)
class ListSearchAndCountTest {

    @Test
    void keepsTheRunsWhoseWorkflowIdContainsTheText(OrdersStore store) {
        Cli cli = Cli.run("workflows", "list", "--id-contains", "der-3", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.lines()).containsExactly("WORKFLOW ID  RUN ID" + " ".repeat(32) + "TYPE           STATUS"
                + "   STARTED                   CLOSED  EVENTS", cli.lines().get(1));
        assertThat(cli.lines().get(1)).matches("order-3      " + RUN_ID + "  OrderWorkflow  RUNNING  " + TIME
                + "  -       2");
    }

    @Test
    void matchesTheWorkflowIdWhateverTheCaseOfItsLetters(OrdersStore store) {
        assertThat(workflowIds(Cli.run("list", "--id-contains", "ORDER-", "--store", store.location())))
                .containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
    }

    @Test
    void saysWhenNoWorkflowIdContainsTheText(OrdersStore store) {
        Cli cli = Cli.run("list", "--id-contains", "invoice", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("No workflow runs match.\n");
    }

    @Test
    void keepsOnlyTheRunsThatMatchTheIdSearchAndEveryOtherCondition(OrdersStore store) {
        Cli cli = Cli.run("list", "--id-contains", "order", "--status", "running", "--type", "OrderWorkflow",
                "--since", "1d", "--store", store.location());

        assertThat(workflowIds(cli)).containsExactly("order-2", "order-3");
    }

    @Test
    void listsTheNewestRunsFirst(OrdersStore store) {
        Cli cli = Cli.run("list", "--newest-first", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.lines().get(0)).isEqualTo(HEADER);
        assertThat(workflowIds(cli)).containsExactly("order-5", "order-4", "order-3", "order-2", "order-1");
    }

    @Test
    void printsTheSameLinesNewestFirstAsOldestFirstInReverse(OrdersStore store) {
        List<String> oldestFirst = new ArrayList<>(Cli.run("list", "--store", store.location()).lines());
        List<String> newestFirst = Cli.run("list", "--newest-first", "--store", store.location()).lines();
        Collections.reverse(oldestFirst.subList(1, oldestFirst.size()));

        assertThat(newestFirst).containsExactlyElementsOf(oldestFirst);
    }

    @Test
    void limitsANewestFirstListingToTheNewestRuns(OrdersStore store) {
        Cli cli = Cli.run("list", "--newest-first", "--limit", "2", "--store", store.location());

        assertThat(workflowIds(cli)).containsExactly("order-5", "order-4");
        assertThat(cli.lines()).last().isEqualTo("(the first 2 runs; more match: raise --limit)");
    }

    @Test
    void ordersTheFilteredRunsNewestFirst(OrdersStore store) {
        Cli cli = Cli.run("list", "--newest-first", "--status", "RUNNING", "--id-contains", "Order",
                "--store", store.location());

        assertThat(workflowIds(cli)).containsExactly("order-3", "order-2");
    }

    @Test
    void countsEveryRunOnOneLine(OrdersStore store) {
        Cli cli = Cli.run("workflows", "list", "--count", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("5\n");
    }

    @Test
    void countsOnlyTheRunsThatTheFilterKeeps(OrdersStore store) {
        assertThat(Cli.run("list", "--count", "--status", "running", "--store", store.location()).out())
                .isEqualTo("2\n");
        assertThat(Cli.run("list", "--count", "--id-contains", "ORDER-4", "--type", "OrderWorkflow", "--since", "1h",
                "--store", store.location()).out()).isEqualTo("1\n");
    }

    @Test
    void countsZeroWhenNoRunMatches(OrdersStore store) {
        Cli cli = Cli.run("list", "--count", "--id-contains", "invoice", "--store", store.location());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("0\n");
    }

    @Test
    void refusesAnEmptyIdSearch(OrdersStore store) {
        Cli cli = Cli.run("list", "--id-contains", "", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("hourglass: --id-contains must not be empty: give the text that the workflow"
                + " ids must contain, or leave it out to keep every workflow id\n");
    }

    @Test
    void refusesAnEmptyIdSearchWhenCountingToo(OrdersStore store) {
        Cli cli = Cli.run("list", "--count", "--id-contains=", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("hourglass: --id-contains must not be empty").hasLineCount(1);
    }

    @Test
    void refusesABlankWorkflowType(OrdersStore store) {
        Cli cli = Cli.run("list", "--type", " ", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: --type must not be blank, was ' ': give a workflow type"
                + " ('hourglass types' lists them), or leave it out to keep every type\n");
    }

    @Test
    void refusesToCountWithALimit(OrdersStore store) {
        Cli cli = Cli.run("list", "--count", "--limit", "3", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("hourglass: --count prints only how many runs match, so it takes no --limit,"
                + " which shapes a listing: leave out one or the other\n");
    }

    @Test
    void refusesToCountNewestFirst(OrdersStore store) {
        Cli cli = Cli.run("list", "--newest-first", "--count", "--store", store.location());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("hourglass: --count prints only how many runs match, so it takes no"
                + " --newest-first, which shapes a listing: leave out one or the other\n");
    }
}
