package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.replay.GateHistories.ChangedDepositMoneyTransferImpl;
import dev.hourglass.replay.ReplayResult.Status;
import dev.hourglass.replay.TransferWorkflows.SwappedMoneyTransferImpl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report a developer reads: text for terminals, JUnit XML for CI servers, JSON for tools. */
class ReplayGateReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static History closed;
    private static History open;

    @TempDir
    static Path dir;

    private static Path malformed;

    @BeforeAll
    static void record() throws IOException {
        closed = GateHistories.closedTransfer("transfer-closed");
        open = GateHistories.openTransfer("transfer-open");
        malformed = Files.writeString(dir.resolve("malformed.json"), "{ not json");
    }

    /** The closed transfer, the open one and a malformed file, against code that swapped withdraw and deposit. */
    private static ReplayReport swapped() {
        return ReplayGate.newBuilder().registerWorkflowImplementationTypes(SwappedMoneyTransferImpl.class)
                .addHistory(closed).addHistory(open).addHistories(malformed).build().run();
    }

    /** The closed transfer against code that checks for fraud where it deposited. */
    private static ReplayReport changedDeposit() {
        return ReplayGate.newBuilder().registerWorkflowImplementationTypes(ChangedDepositMoneyTransferImpl.class)
                .addHistory(closed).build().run();
    }

    private static Document parseXml(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSummaryListsOpenExecutionsFirstThenClosedOnesThenErrorsWithTheirOneLineCause() {
        String text = swapped().withoutDurations().toText();

        assertThat(text).startsWith("Replay gate: 3 histories: 0 compatible, 2 incompatible (1 open, 1 closed),"
                + " 1 in error\n\n"
                + "Open executions that would get stuck if the new code were deployed (1):\n"
                + "  transfer-open (MoneyTransfer) at event 2, transfer-open/" + open.getRunId() + "\n\n"
                + "Closed executions whose queries and resets would break (1):\n"
                + "  transfer-closed (MoneyTransfer) at event 2, transfer-closed/" + closed.getRunId() + "\n\n"
                + "Histories that could not be checked (1):\n"
                + "  " + malformed + ": not valid JSON at line 1, column 3: Unexpected character ('n' (code 110)):"
                + " was expecting double-quote to start field name; expected a JSON object with \"format\":"
                + " \"hourglass-history\"\n");
    }

    @Test
    void theDetailOfAnOpenIncompatibleExecutionComesBeforeThatOfAClosedOne() {
        String text = swapped().toText();

        assertThat(text.indexOf("INCOMPATIBLE: workflow transfer-open")).isPositive()
                .isLessThan(text.indexOf("INCOMPATIBLE: workflow transfer-closed"));
    }

    @Test
    void anIncompatibleHistoryIsDescribedWithTheCommandsSideBySideTheLineOfTheNewCodeAndTheRemedy() {
        ReplayReport report = changedDeposit();

        assertThat(report.describe(report.getResults().get(0))).isEqualTo(""
                + "INCOMPATIBLE: workflow transfer-closed (MoneyTransfer, closed)\n"
                + "  source: transfer-closed/" + closed.getRunId() + "\n"
                + "  event 7: the activityType differs (deposit recorded, checkFraud now)\n"
                + "\n"
                + "    event  recorded                                                 | new code\n"
                + "    2      ActivityTaskScheduled activityId=1 activityType=withdraw | ActivityTaskScheduled"
                + " activityId=1 activityType=withdraw\n"
                + "    5      TimerStarted timerId=1 duration=20ms                     | TimerStarted timerId=1"
                + " duration=20ms\n"
                + "  > 7      ActivityTaskScheduled activityId=2 activityType=deposit  | ActivityTaskScheduled"
                + " activityId=2 activityType=checkFraud\n"
                + "    10     WorkflowExecutionCompleted                               |\n"
                + "\n"
                + "  new code at: " + ChangedDepositMoneyTransferImpl.class.getName() + ".transfer(GateHistories.java:"
                + GateHistories.CHANGED_LINE + ")\n"
                + "  What to do: if the change is intended, guard it with Workflow.getVersion, so that executions"
                + " recorded before it keep the old path:\n"
                + "    int version = Workflow.getVersion(\"my-change\", Workflow.DEFAULT_VERSION, 1);\n"
                + "    if (version == Workflow.DEFAULT_VERSION) { /* the old code */ } else { /* the new code */ }\n"
                + "  If the code depends on something outside the history (the clock, randomness, static state, I/O),"
                + " move that logic into an activity.\n");
    }

    @Test
    void aWarningIsListedWithItsSource() {
        ReplayResult warned = new ReplayResult("a.json", "t-1", "r-1", "MoneyTransfer", false, Status.COMPATIBLE,
                null, List.of("event 5 of workflow MoneyTransfer: the duration differs"), Duration.ZERO);

        assertThat(new ReplayReport(List.of(warned)).toText()).endsWith("Warnings (differences that do not make a"
                + " history incompatible):\n  a.json: event 5 of workflow MoneyTransfer: the duration differs\n");
    }

    @Test
    void theJUnitXmlHasATestcasePerHistoryAFailureForAnIncompatibleOneAndAnErrorForBadInput() throws Exception {
        Document xml = parseXml(swapped().toJUnitXml());

        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("transfer-closed/" + closed.getRunId());
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) cases.item(2)).getAttribute("name")).isEqualTo(malformed.toString());
        assertThat(((Element) cases.item(2)).getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void theJUnitXmlIsWellFormedWhenMessagesHoldMarkupQuotesAndControlCharacters() throws Exception {
        String nasty = "<b>&amp; \"quoted\" 'single' ]]> \u0000\u0001\u001b[31m \ud800 \uffff";
        ReplayResult bad = new ReplayResult("dir/" + nasty + ".json", null, null, null, false, Status.ERROR,
                new HistoryFormatException(nasty, "x", null), List.of(), Duration.ZERO);

        Document xml = parseXml(new ReplayReport(List.of(bad)).toJUnitXml());

        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        Element error = (Element) testcase.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("<b>&amp; \"quoted\" 'single' ]]> \\u0000\\u0001"
                + "\\u001B[31m \\uD800 \\uFFFF");
        assertThat(testcase.getAttribute("name")).startsWith("dir/<b>&amp; \"quoted\"");
        assertThat(error.getTextContent()).contains("]]>");
    }

    @Test
    void theJsonOfAnIncompatibleHistoryHasItsIdsTheEventTheCommandsAndTheLocation() throws Exception {
        JsonNode result = JSON.readTree(changedDeposit().toJson()).get("results").get(0);

        assertThat(result.get("source").asText()).isEqualTo("transfer-closed/" + closed.getRunId());
        assertThat(result.get("status").asText()).isEqualTo("INCOMPATIBLE");
        assertThat(result.get("workflowId").asText()).isEqualTo("transfer-closed");
        assertThat(result.get("runId").asText()).isEqualTo(closed.getRunId());
        assertThat(result.get("workflowType").asText()).isEqualTo("MoneyTransfer");
        assertThat(result.get("open").asBoolean()).isFalse();
        assertThat(result.get("durationMillis").isNumber()).isTrue();
        assertThat(result.get("eventId").asLong()).isEqualTo(7);
        assertThat(result.get("recorded").asText()).isEqualTo("ActivityTaskScheduled activityId=2 activityType=deposit");
        assertThat(result.get("actual").asText())
                .isEqualTo("ActivityTaskScheduled activityId=2 activityType=checkFraud");
        assertThat(result.get("location").asText()).endsWith("(GateHistories.java:" + GateHistories.CHANGED_LINE + ")");
        assertThat(result.get("commands")).hasSize(4);
        assertThat(result.get("commands").get(2).get("diverging").asBoolean()).isTrue();
        assertThat(result.get("commands").get(3).get("actual").isNull()).isTrue();
    }

    @Test
    void theJsonOfAnErrorHasItsEventIdAndOneLineCause() throws Exception {
        Path gap = Files.writeString(dir.resolve("gap.json"), closed.toJson().replace("\"eventId\": 4,",
                "\"eventId\": 5,"));

        JsonNode result = JSON.readTree(ReplayGate.newBuilder().registerWorkflowImplementationTypes(
                SwappedMoneyTransferImpl.class).addHistories(gap).build().run().toJson()).get("results").get(0);

        assertThat(result.get("status").asText()).isEqualTo("ERROR");
        assertThat(result.get("eventId").asLong()).isEqualTo(5);
        assertThat(result.get("failure").get("message").asText()).startsWith("event 5 (events[3], ");
    }

    @Test
    void withoutDurationsTheSameInputsGiveTheSameBytes() {
        ReplayReport first = swapped().withoutDurations();
        ReplayReport second = swapped().withoutDurations();

        assertThat(second.toText()).isEqualTo(first.toText());
        assertThat(second.toJUnitXml()).isEqualTo(first.toJUnitXml());
        assertThat(second.toJson()).isEqualTo(first.toJson());
    }

    @Test
    void withoutDurationsTheReportsHoldNoTime() {
        ReplayReport report = swapped().withoutDurations();

        assertThat(report.toJUnitXml()).doesNotContain("time=");
        assertThat(report.toJson()).doesNotContain("durationMillis");
        assertThat(report.toText()).doesNotContain(" s of replay");
    }

    @Test
    void withDurationsTheReportsSayHowLongReplayTook() {
        ReplayReport report = swapped();

        assertThat(report.toJUnitXml()).contains(" time=\"");
        assertThat(report.toJson()).contains("\"durationMillis\"");
        assertThat(report.toText()).contains(" s of replay");
    }
}
