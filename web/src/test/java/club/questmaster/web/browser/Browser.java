package club.questmaster.web.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its chromedriver (no download: both come from the system packages,
 * see .ci/run), with a fresh profile each time. One browser is one visitor: its cookies are its session.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static Browser open(String base) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=fr-FR",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base, profile);
    }

    /**
     * Opens the page. chromedriver now and then loses the renderer's answer to a navigation on a loaded machine
     * ("Timed out receiving message from renderer", seen once in a full build with two suites running, and nothing
     * amiss in web's log): the load is stopped and the page asked for once more. A page that really does not load
     * fails the second time.
     */
    Browser go(String path) {
        try {
            driver.get(base + path);
        } catch (TimeoutException lost) {
            ((JavascriptExecutor) driver).executeScript("window.stop();");
            driver.get(base + path);
        }
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Browser type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** datetime-local and select values set as a user's input would (chromium's key entry for them is locale-bound). */
    Browser set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", find(css), value);
        return this;
    }

    /** Clicks the submit button of that text (the visible label a user reads). */
    Browser press(String label) {
        WebElement button = driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(b -> b.getText().strip().equals(label) && b.isDisplayed()).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' on " + path() + ":\n" + body()));
        // Every button submits a form answered by a redirect: wait for the next document. chromedriver does not always
        // wait on its own once the page holds an open EventSource (the live seat counts); the old document carries a
        // mark the next one does not have.
        ((JavascriptExecutor) driver).executeScript("window.questmasterLeaving = true;");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return window.questmasterLeaving === undefined && document.readyState === 'complete';")));
        return this;
    }

    boolean hasButton(String label) {
        return driver.findElements(By.cssSelector("button")).stream().anyMatch(b -> b.getText().strip().equals(label));
    }

    String flash() {
        List<WebElement> flash = all(".flash");
        return flash.isEmpty() ? "" : flash.get(0).getText();
    }

    String body() {
        return find("body").getText();
    }

    Browser signIn(String username, String password) {
        go("/login/");
        type("#username", username).type("#password", password).press("Se connecter");
        return this;
    }

    Browser signOut() {
        if (hasButton("Se déconnecter")) {
            press("Se déconnecter");
        }
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Reloads until {@code condition} holds (a badge given by a Kafka consumer, a ban reaching a service). */
    void awaitOnReload(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; page " + path() + ":\n" + body());
            }
            sleep(500);
            driver.navigate().refresh();
        }
    }

    /** Waits, without reloading, until {@code condition} holds (what the page's script changes on its own). */
    void awaitWithoutReload(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; page " + path() + ":\n" + body());
            }
            sleep(200);
        }
    }

    /** Waits until the page's live stream is open (the script marks the document then). */
    void awaitLiveStream() {
        awaitWithoutReload(() -> "open".equals(find("html").getAttribute("data-live")), Duration.ofSeconds(20),
                "the live stream to open");
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Whether the page is wider than its window (a horizontal scrollbar on a phone). */
    long overflow() {
        Object value = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) value).longValue();
    }

    /** The axe-core rules the page breaks with a serious or critical impact (WCAG 2.x A and AA rules). */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** A PNG of the page into {@code dir} (docs/screenshots when the screenshots are being refreshed). */
    void screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
