package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student in Debian's headless Chromium: logs in, opens the digits lab, uploads the reference solution with the
 * reflection, watches the training progress live, then reads the report with its loss charts drawn. Screenshots go
 * to {@code target/screenshots/}.
 */
class StudentBrowserIT {
    private static final String PASSWORD = "browser-password-1";
    private static final String LAB = "digits-regularization";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static PayaraMicro server;
    private static WebDriver browser;

    @BeforeAll
    static void startThePlatformAndTheBrowser() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (./nnlab test installs them)");
        server = PayaraMicro.start(List.of("-Dnnlab.seed.student.password=" + PASSWORD,
                "-Dnnlab.seed.instructor.password=" + PASSWORD, "-Dnnlab.seed.students=1"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2400");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);
        student.awaitPublished(LAB);
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStudentSubmitsTheReferenceWatchesItTrainAndReadsTheChartedReport() throws Exception {
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        browser.get(server.url() + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys("student");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.findElement(By.linkText("Regularization: plain Adam against weight decay, dropout and a plateau "
                + "schedule")).click();
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Regularization"));
        browser.findElement(By.id("files")).sendKeys(reference.resolve("Solution.java").toAbsolutePath().toString());
        browser.findElement(By.id("answer-reflection")).sendKeys(Files.readString(
                reference.resolve("answers/reflection.txt")).strip());
        browser.findElement(By.cssSelector("#submit button[type=submit]")).click();

        await("the live curves", Duration.ofMinutes(3), () -> Integer.parseInt(data("livePoints", "0")) >= 10);
        WebElement bar = browser.findElement(By.id("busy"));
        assertEquals(80.0, Double.parseDouble(bar.getDomProperty("max")), "the bar counts 2 runs x 40 epochs");
        assertTrue(Double.parseDouble(bar.getDomProperty("value")) >= 10);
        assertTrue(browser.findElement(By.id("status")).getText().matches("grading: training run [AB]: epoch \\d+ "
                + "of 40"), browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("live")).isDisplayed(), "the live chart is shown");
        screenshot("training.png");

        await("the report's charts", Duration.ofMinutes(4), () -> !data("chartsDrawn", "").isEmpty());
        assertEquals("100.0", browser.findElement(By.id("score")).getText());
        assertEquals(4L, script("return Chart.getChart('loss-chart').data.datasets.length"),
                "training and validation loss of A and B on one chart");
        assertEquals(40L, script("return Chart.getChart('loss-chart').data.datasets[3].data.length"));
        assertEquals(2L, script("return Chart.getChart('accuracy-chart').data.datasets.length"));
        assertEquals(2L, script("return Chart.getChart('lr-chart').data.datasets.length"));
        assertTrue((Long) script("return document.getElementById('loss-chart').width") > 300, "drawn at full width");
        screenshot("report.png");
    }

    /** Waits for a condition; on timeout keeps a screenshot and the page for the report. */
    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws IOException {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(200)).until(b -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout.png");
            throw new AssertionError("timed out waiting for " + what + " on " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("main")).getText() + "\n--- browser console:\n"
                    + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                    + "\n--- server log:\n" + server.log(), e);
        }
    }

    private static String data(String key, String fallback) {
        Object value = script("return document.body.dataset." + key + " || ''");
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
