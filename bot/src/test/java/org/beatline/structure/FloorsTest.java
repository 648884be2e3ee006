package org.beatline.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The floors of the house: no package uses one on a higher floor, and no packages use each other in
 * a cycle. A new package must be given its floor here.
 */
class FloorsTest {
  private static final Path SOURCES = Path.of("src/main/java/org/beatline");
  private static final Pattern USE = Pattern.compile("org\\.beatline\\.(\\w+)");

  /** Top to bottom; the top level package ({@code Main}, {@code Beatline}) is above them all. */
  private static final Map<String, Integer> FLOOR =
      Map.ofEntries(
          Map.entry("", 7),
          Map.entry("channel", 6),
          Map.entry("admin", 5),
          Map.entry("pipeline", 4),
          Map.entry("contact", 3),
          Map.entry("accountability", 3),
          Map.entry("meeting", 3),
          Map.entry("survey", 3),
          Map.entry("concern", 3),
          Map.entry("roster", 3),
          Map.entry("staff", 3),
          Map.entry("schedule", 2),
          Map.entry("outbox", 2),
          Map.entry("conversation", 1),
          Map.entry("nlu", 1),
          Map.entry("i18n", 1),
          Map.entry("message", 1),
          Map.entry("config", 1),
          Map.entry("http", 1),
          Map.entry("redis", 1));

  @Test
  void noPackageUsesOneOnAHigherFloor() {
    List<String> upward = new ArrayList<>();
    assertThat(uses()).as("packages read").hasSizeGreaterThan(10);
    uses()
        .forEach(
            (from, targets) -> {
              assertThat(FLOOR).as("the floor of package " + from).containsKey(from);
              for (String to : targets) {
                assertThat(FLOOR).as("the floor of package " + to).containsKey(to);
                if (FLOOR.get(to) > FLOOR.get(from)) {
                  upward.add(from + " -> " + to);
                }
              }
            });
    assertThat(upward).as("imports running back up").isEmpty();
  }

  @Test
  void noPackagesUseEachOtherInACycle() {
    Map<String, Set<String>> uses = uses();
    for (String start : uses.keySet()) {
      assertThat(reaches(uses, start, start, new HashSet<>()))
          .as(start + " reaches itself through the packages it uses")
          .isFalse();
    }
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(uses, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Which packages each package's sources name, other than itself. */
  static Map<String, Set<String>> uses() {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = SOURCES.relativize(file).getParent();
        String pkg = dir == null ? "" : dir.getName(0).toString();
        Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = USE.matcher(Files.readString(file));
        while (m.find()) {
          String name = m.group(1);
          String to = Character.isUpperCase(name.charAt(0)) ? "" : name;
          if (!to.equals(pkg)) {
            targets.add(to);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return uses;
  }
}
