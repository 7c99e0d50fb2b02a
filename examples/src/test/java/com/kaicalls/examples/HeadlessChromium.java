package com.kaicalls.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (the installed chromedriver) for a browser test class.
 *
 * <p>Where Chromium or its driver is missing the test is skipped with a notice on stderr, so the
 * README's test command passes on a fresh machine. CI exports {@code
 * KAICALLS_BROWSER_TEST=required} (or pass {@code -Dkaicalls.browser.required=true}): then a
 * missing browser fails the build instead of skipping. {@code -Dkaicalls.browser.skip=true} skips
 * it even where Chromium is installed. Register it as a static {@code @RegisterExtension} field:
 * one browser per test class.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

  private static final String CHROMEDRIVER =
      System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
  private static final String CHROMIUM =
      System.getProperty("kaicalls.chromium", "/usr/bin/chromium");

  private final String testClass;
  private WebDriver driver;
  private Path profile;

  HeadlessChromium(String testClass) {
    this.testClass = testClass;
  }

  /** Starts the browser, or aborts the test class (skipped) where it may and cannot start. */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    boolean installed = new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute();
    boolean required =
        Boolean.getBoolean("kaicalls.browser.required")
            || "required".equals(System.getenv("KAICALLS_BROWSER_TEST"));
    if (required && !installed) {
      fail(
          "The browser test is required here but needs Chromium and chromedriver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install -y chromium chromium-driver).");
    }
    if (!required && (!installed || Boolean.getBoolean("kaicalls.browser.skip"))) {
      String why =
          installed
              ? "-Dkaicalls.browser.skip=true"
              : "no Chromium at "
                  + CHROMIUM
                  + " or no chromedriver at "
                  + CHROMEDRIVER
                  + " (apt-get install -y chromium chromium-driver to run it)";
      System.err.println("NOTICE: " + testClass + " skipped: " + why + ".");
      Assumptions.abort("browser test skipped: " + why);
    }
    profile = Files.createTempDirectory("kaicalls-chromium");
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  WebDriver driver() {
    return driver;
  }

  /** A bounded wait that tolerates elements replaced by a page's re-render between two looks. */
  WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Opens {@code url} and waits until its script marks the page ready ({@code body[data-ready]}).
   */
  void open(String url) {
    driver.get(url);
    await()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
