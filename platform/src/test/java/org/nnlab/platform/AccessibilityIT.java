package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the platform, as a student and as an instructor see it in Debian's headless Chromium, checked by
 * axe-core (Deque's Selenium integration, which runs npm's axe-core in the page): no violation of serious or
 * critical impact. The student submits the lab's reference, so that the live submission page and the report with
 * its charts are checked too, and another a copy, so that the instructor's similarity check has a pair to show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityIT {
    private static final String STUDENT = "student23";
    /** Submits a copy of the reference, for the similarity check. */
    private static final String COPIER = "student22";
    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static PayaraMicro server;
    private static WebDriver browser;
    /** The address of the student's submission. */
    private static String submission;

    @BeforeAll
    static void startThePlatformAndTheBrowser() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (./nnlab test installs them)");
        server = SharedPlatform.server();
        Browserless student = new Browserless(server.url());
        student.login(STUDENT, SharedPlatform.PASSWORD);
        student.awaitPublished(SharedPlatform.LAB);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        SharedPlatform.done(AccessibilityIT.class);
    }

    @Test
    @Order(1)
    void theLoginPageWithAndWithoutAnErrorHasNoSeriousViolation() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        open("/login", found);
        open("/lti/login", found);
        logIn("nobody", "wrong-password-1");
        check("the login page after a failed login", found);
        assertNone(found);
    }

    @Test
    @Order(2)
    void everyPageAStudentSeesHasNoSeriousViolation() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        logIn(STUDENT, SharedPlatform.PASSWORD);
        check("the labs page", found);
        open("/labs/" + SharedPlatform.LAB, found);
        open("/account", found);

        browser.get(server.url() + "/labs/" + SharedPlatform.LAB);
        Path reference = Path.of(System.getProperty("nnlab.labs"), SharedPlatform.LAB, "reference");
        browser.findElement(By.id("files")).sendKeys(reference.resolve("Solution.java").toAbsolutePath().toString());
        browser.findElement(By.id("answer-reflection")).sendKeys(Files.readString(
                reference.resolve("answers/reflection.txt")).strip());
        browser.findElement(By.cssSelector("#submit button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofMinutes(1)).until(b -> b.getCurrentUrl().contains("/submissions/"));
        submission = browser.getCurrentUrl();
        check("a submission waiting or being graded", found);
        awaitBody("the report's charts", Duration.ofMinutes(5), "chartsDrawn");
        assertEquals("100.0", browser.findElement(By.id("score")).getText());
        check("a graded submission's report", found);
        assertNone(found);
        logOut();
    }

    @Test
    @Order(3)
    void everyPageAnInstructorSeesHasNoSeriousViolation() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        Path reference = Path.of(System.getProperty("nnlab.labs"), SharedPlatform.LAB, "reference");
        Browserless copier = new Browserless(server.url());
        copier.login(COPIER, SharedPlatform.PASSWORD);
        copier.submit(SharedPlatform.LAB, Files.readString(reference.resolve("Solution.java"))
                .replaceFirst("\\{", "{ int copied = \"so that it does not compile\";"), Map.of("answer.reflection",
                "A copy."));
        logIn("instructor", SharedPlatform.PASSWORD);
        open("/teach", found);
        open("/teach/checks", found);
        open("/teach/labs", found);
        String selfTest = browser.findElement(By.linkText("reference")).getAttribute("href");
        open("/teach/courses/DL-101", found);
        open("/teach/courses/DL-101/labs/" + SharedPlatform.LAB, found);
        open("/teach/queue", found);
        open("/teach/lti", found);
        browser.get(server.url() + "/teach/courses/DL-101/labs/" + SharedPlatform.LAB);
        browser.findElement(By.xpath("//button[contains(., 'Check similarity')]")).click();
        new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofSeconds(1)).until(b -> !b.findElements(
                By.partialLinkText("side by side")).isEmpty() || b.getPageSource().contains("failed"));
        check("a similarity check's pairs", found);
        browser.findElement(By.partialLinkText("side by side")).click();
        check("a similar pair side by side", found);
        browser.get(selfTest);
        check("a lab's self-test report", found);
        browser.get(submission);
        check("a student's report as the instructor reads it", found);
        open("/account", found);
        assertNone(found);
        logOut();
    }

    /** Logs in afresh, whoever an earlier test left logged in. */
    private static void logIn(String username, String password) {
        browser.get(server.url() + "/login");
        browser.manage().deleteAllCookies();
        browser.get(server.url() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private static void logOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    }

    private static void open(String path, Map<String, List<String>> found) {
        browser.get(server.url() + path);
        check(path, found);
    }

    /**
     * Runs axe-core on the page shown and keeps its serious and critical violations under {@code page}. A run that
     * errs is run once more: a submission's page reloads itself when its grading ends, which may cut a run short,
     * and a renderer busy beside a grading may miss axe's one-second reply.
     */
    private static void check(String page, Map<String, List<String>> found) {
        Results first = new AxeBuilder().analyze(browser);
        Results results = first.isErrored() ? new AxeBuilder().analyze(browser) : first;
        assertFalse(results.isErrored(), () -> "axe-core failed on " + page + ": " + results.getErrorMessage());
        assertTrue(results.getPasses().size() >= 10, () -> "axe-core checked almost nothing on " + page);
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (SERIOUS.contains(rule.getImpact())) {
                violations.add(rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                        + rule.getNodes().stream().map(node -> node.getTarget() + " " + node.getHtml())
                        .collect(Collectors.joining("; ")));
            }
        }
        if (!violations.isEmpty()) {
            found.put(page + " (" + browser.getCurrentUrl() + ")", violations);
        }
    }

    private static void assertNone(Map<String, List<String>> found) {
        assertTrue(found.isEmpty(), () -> found.entrySet().stream()
                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                .collect(Collectors.joining("\n")));
    }

    /** Waits until the page's body carries the data attribute {@code key}. */
    private static void awaitBody(String what, Duration timeout, String key) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(250)).withMessage(what).until(b -> {
            Object value = ((JavascriptExecutor) b).executeScript("return document.body.dataset." + key + " || ''");
            return value != null && !value.toString().isEmpty();
        });
    }
}
