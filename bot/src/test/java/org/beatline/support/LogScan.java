package org.beatline.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fails the build when the log of the whole test run holds a phone number in clear: an E.164 number
 * (with +, its URL encoding or a full-width plus) or one of the tests' 555 numbers without its
 * plus. Masked numbers ({@code +1555***01}) pass. Run by the build in the verify phase.
 */
public final class LogScan {
  static final Pattern E164 = Pattern.compile("(?<![\\w*])(\\+|%2B|＋)[1-9][0-9]{7,14}(?![0-9*])");
  static final Pattern TEST_NUMBER = Pattern.compile("(?<![0-9*+])1?555[0-9]{7}(?![0-9*])");

  private LogScan() {}

  /** The lines of {@code log} that hold a phone number in clear. */
  static List<String> unmasked(List<String> log) {
    List<String> found = new ArrayList<>();
    for (String line : log) {
      if (E164.matcher(line).find() || TEST_NUMBER.matcher(line).find()) {
        found.add(line);
      }
    }
    return found;
  }

  public static void main(String[] args) throws IOException {
    Path log = Path.of(args[0]);
    if (!Files.exists(log)) {
      throw new IllegalStateException(log + " is missing: the test run wrote no log to scan");
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    List<String> found = unmasked(lines);
    if (!found.isEmpty()) {
      found.stream().limit(20).forEach(l -> System.err.println("unmasked: " + l));
      throw new IllegalStateException(
          found.size() + " line(s) of " + log + " hold a phone number in clear");
    }
    System.out.println("log scan: " + lines.size() + " lines, no phone number in clear");
  }
}
