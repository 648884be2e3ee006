package org.beatline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beatline.config.Config;
import org.beatline.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {
  @Test
  void missingContentFolderFailsWithItsName() {
    Config config =
        Config.from(
            Map.of("PORT", "0", "REDIS_URL", TestRedis.url(), "CONVERSATIONS_DIR", "/no/such/dir"));
    assertThatThrownBy(() -> Beatline.start(config).await())
        .hasMessageContaining("conversations directory does not exist");
  }

  @Test
  void brokenFlowFailsWithTheFileNamed(@TempDir Path dir) throws Exception {
    Path source = Path.of(System.getProperty("beatline.contentRoot"), "conversations");
    try (var files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path target = dir.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(
        dir.resolve("flows/menu.yaml"), "steps:\n  choose:\n    say: [no.such.key]\n");
    Config config =
        Config.from(
            Map.of("PORT", "0", "REDIS_URL", TestRedis.url(), "CONVERSATIONS_DIR", dir.toString()));
    assertThatThrownBy(() -> Beatline.start(config).await())
        .satisfies(e -> assertThat(e.getMessage()).contains("menu").contains("no.such.key"));
  }
}
