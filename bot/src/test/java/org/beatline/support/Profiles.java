package org.beatline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the real content with one thing changed, for tests that must not depend on it. */
public final class Profiles {
  private Profiles() {}

  /**
   * The real {@code conversations/} copied into {@code dir} with quiet hours switched off, so that
   * a test of bulk messages does not depend on the time of day it runs at.
   */
  public static Path withoutQuietHours(Path dir) throws IOException {
    Path real = org.beatline.config.Content.folder(null, "conversations");
    try (Stream<Path> all = Files.walk(real)) {
      for (Path p : all.toList()) {
        Path to = dir.resolve(real.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path profile = dir.resolve("department.yaml");
    Files.writeString(
        profile,
        Files.readString(profile)
            .replace("start: \"21:00\"", "start: \"00:00\"")
            .replace("end: \"08:00\"", "end: \"00:00\""));
    return dir;
  }
}
