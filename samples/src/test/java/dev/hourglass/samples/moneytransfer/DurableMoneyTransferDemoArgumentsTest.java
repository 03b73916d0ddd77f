package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableMoneyTransferDemoArgumentsTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    @Test
    void refusesADirectoryThatHoldsTheFilesOfAnEarlierRun() throws Exception {
        Files.createFile(dir.resolve("bank.db"));

        assertThatThrownBy(() -> DurableMoneyTransferDemo.run(new String[] {"--dir=" + dir}, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("bank.db") + " exists already, from an earlier run whose transfers would be"
                        + " mistaken for this one's: give --dir a new directory");
    }

    @Test
    void namesTheArgumentsItKnowsWhenGivenAnother() {
        assertThatThrownBy(() -> DurableMoneyTransferDemo.run(new String[] {"--holds=PT1S"}, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown argument --holds=PT1S; usage: DurableMoneyTransferDemo [--hold=PT3S]"
                        + " [--operation-delay=PT1S] [--workflow-task-timeout=PT2S] [--activity-timeout=PT3S]"
                        + " [--dir=DIRECTORY]");
    }
}
