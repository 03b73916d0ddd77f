package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.testing.internal.HtmlReports.TestName;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HtmlReportsTest {

    private String originalDir;

    @BeforeEach
    void rememberTheProperty() {
        originalDir = System.getProperty(HtmlReports.DIRECTORY_PROPERTY);
        System.clearProperty(HtmlReports.DIRECTORY_PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (originalDir == null) {
            System.clearProperty(HtmlReports.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(HtmlReports.DIRECTORY_PROPERTY, originalDir);
        }
    }

    @Test
    void reportsGoUnderTargetOfTheWorkingDirectoryByDefault() {
        Path file = HtmlReports.fileOf(new TestName("com.example.TransferTest", "holds", "holds()"));

        assertThat(file).isEqualTo(Paths.get("target", "hourglass-reports", "com.example.TransferTest", "holds.html")
                .toAbsolutePath());
    }

    @Test
    void theSystemPropertyNamesAnotherDirectory() {
        System.setProperty(HtmlReports.DIRECTORY_PROPERTY, "build/reports/hourglass");

        Path file = HtmlReports.fileOf(new TestName("com.example.TransferTest", "holds", "holds()"));

        assertThat(file).isEqualTo(Paths.get("build", "reports", "hourglass", "com.example.TransferTest",
                "holds.html").toAbsolutePath());
    }

    @Test
    void namesOfClassesAndTestsAreMadeSafeForFileSystems() {
        Path file = HtmlReports.fileOf(new TestName("com.example.Outer$Inner", "pays-[1] ../ä, \"b\"", "x"));

        assertThat(file.getParent().getFileName().toString()).isEqualTo("com.example.Outer_Inner");
        assertThat(file.getFileName().toString()).isEqualTo("pays-_1__.._____b_.html");
    }

    @Test
    void aNameOfOnlyDotsIsNotTakenForADirectory() {
        assertThat(HtmlReports.fileSafe("..")).isEqualTo("_..");
        assertThat(HtmlReports.fileSafe("")).isEqualTo("_");
    }

    @Test
    void longNamesAreCut() {
        assertThat(HtmlReports.fileSafe("x".repeat(500))).hasSize(120);
    }

    @Test
    void aTestWithItsDefaultDisplayNameIsNamedAfterItsMethod() {
        assertThat(HtmlReports.testName("transfer", "transfer(Transfer)")).isEqualTo("transfer");
    }

    @Test
    void eachInvocationOfAParameterizedTestHasANameOfItsOwn() {
        assertThat(HtmlReports.testName("transfer", "[2] bob")).isEqualTo("transfer-[2] bob");
    }
}
