package dev.hourglass.cli;

import dev.hourglass.internal.testsupport.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver, both named by their paths so that
 * Selenium never looks for or downloads a browser of its own. Without them the browser tests are skipped, with a
 * warning that says how to run them, unless {@value #REQUIRED} is {@code true} (as {@code .ci/run} sets it).
 */
final class Browser implements AutoCloseable {

    static final String REQUIRED = "HOURGLASS_TEST_BROWSER_REQUIRED";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Where screenshots go: {@code target/ui-screenshots} of the module, or the directory this property names. */
    static final String SCREENSHOTS_PROPERTY = "hourglass.ui.screenshots.dir";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium with a fresh profile and a window of 1280x800, or skips the test. */
    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Prerequisites.unavailable(REQUIRED, "Browser tests of the web UI", CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing", "install Debian's packages chromium and chromium-driver (apt-get install chromium"
                    + " chromium-driver), or run `bash .ci/run`, which installs them and runs the whole build");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("hourglass-ui-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A wait of up to 20 seconds. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Saves a screenshot of the window as {@code name}.png in the screenshots directory. */
    void screenshot(String name) {
        Path directory = Path.of(System.getProperty(SCREENSHOTS_PROPERTY, "target/ui-screenshots"));
        try {
            Files.createDirectories(directory);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name + " in " + directory, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) { // a file the browser was still writing: the temp directory keeps it
                System.err.println("[WARNING] could not delete all of the browser profile " + profile + ": " + e);
            }
        }
    }
}
