package org.beatline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both from the operating system's packages
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; the system properties {@code
 * beatline.chromium} and {@code beatline.chromedriver} point elsewhere), never downloaded: the
 * driver's path is given, so Selenium Manager is never asked. Each browser has a fresh profile.
 */
public final class Browser implements AutoCloseable {
  /** Where screenshots of the pages are kept as build artefacts. */
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  public final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String base) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
    this.base = base;
  }

  /** A browser for the service listening on {@code port}, with a desktop-sized window. */
  public static Browser open(int port) {
    Path profile;
    try {
      profile = Files.createTempDirectory("beatline-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("beatline.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("beatline.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new Browser(driver, service, profile, "http://localhost:" + port);
  }

  /** Opens a page of the service ({@code /dashboard/#/concerns}). */
  public void go(String path) {
    driver.get(base + path);
  }

  /** Waits (up to 15 s) for an element to be visible, and answers it. */
  public WebElement visible(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits (up to 15 s) for an element's text to contain {@code text}. */
  public WebElement text(By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  /** Waits (up to 15 s) until {@code condition} holds. */
  public void until(java.util.function.Function<ChromeDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> condition.apply((ChromeDriver) d));
  }

  /** Resizes the window: 390 × 844 is a phone held upright. */
  public void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = SCREENSHOTS.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          shot,
          StandardCopyOption.REPLACE_EXISTING);
      return shot;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the page logged as errors since the last call: script errors, policy violations, files
   * that failed to load. Asking for the session while signed out is answered 401 by design, and is
   * no error.
   */
  public List<String> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(e -> e.getMessage())
        .filter(m -> !(m.contains("/api/v1/session ") && m.contains("status of 401")))
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.close();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
