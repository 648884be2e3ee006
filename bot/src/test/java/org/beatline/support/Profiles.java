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
    Path profile = copy(dir).resolve("department.yaml");
    Files.writeString(
        profile,
        Files.readString(profile)
            .replace("start: \"21:00\"", "start: \"00:00\"")
            .replace("end: \"08:00\"", "end: \"00:00\""));
    return dir;
  }

  /**
   * The real {@code conversations/} copied into {@code dir}, its phone numbers in {@code region}.
   */
  public static Path withPhoneRegion(Path dir, String region) throws IOException {
    Path profile = copy(dir).resolve("department.yaml");
    String text = Files.readString(profile);
    if (!text.contains("phone_region: US\n")) {
      throw new IllegalStateException("the profile no longer says phone_region: US");
    }
    Files.writeString(
        profile, text.replace("phone_region: US\n", "phone_region: " + region + "\n"));
    return dir;
  }

  private static Path copy(Path dir) throws IOException {
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
    return dir;
  }
}
