package org.beatline.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Beatline run as the command line runs it, in a JVM of its own, so that a test can send it SIGTERM
 * or read what it prints when it cannot start. Its log joins the test run's log files.
 */
public final class Child implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("Beatline is running on port (\\d+)");
  private final Process process;
  private final Path log;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  private Child(Process process, Path log) {
    this.process = process;
    this.log = log;
    read(process.getInputStream(), out);
    read(process.getErrorStream(), err);
  }

  /** Starts {@code java org.beatline.Main} with only {@code env} (and PATH) as its environment. */
  public static Child start(Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path run = Path.of(System.getProperty("beatline.testLog", "target/test-run.log"));
    Path log =
        run.resolveSibling(
            "child-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-Dbeatline.testLog=" + log,
            "-cp",
            System.getProperty("java.class.path"),
            "org.beatline.Main");
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(env);
    return new Child(pb.start(), log);
  }

  private static void read(java.io.InputStream stream, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  into.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "child-output");
    t.setDaemon(true);
    t.start();
  }

  /** The port it listens on, once its banner is printed (waits up to {@code seconds}). */
  public int port(int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      for (String line : out) {
        Matcher m = PORT.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Beatline exited: " + String.join("\n", err));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Beatline did not start: " + String.join("\n", err));
  }

  public Process process() {
    return process;
  }

  /** What it printed on standard error. */
  public List<String> err() {
    return err;
  }

  /** Ends it, and moves its log into the test run's log, where the build scans it. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      if (java.nio.file.Files.exists(log)) {
        org.slf4j.Logger child = org.slf4j.LoggerFactory.getLogger("child");
        java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8).forEach(child::info);
        java.nio.file.Files.delete(log);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("the child's log could not be moved: " + e, e);
    }
  }
}
