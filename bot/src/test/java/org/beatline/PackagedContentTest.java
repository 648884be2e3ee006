package org.beatline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content read from inside a jar, as the packaged service reads it: every loader must take a
 * path on a zip file system (a {@code Path.toFile()} there fails, and the service would not start
 * although every test that reads the content from folders passes).
 */
class PackagedContentTest {
  @Test
  void theContentLoadsFromInsideAJar(@TempDir Path tmp) throws IOException {
    Path jar = tmp.resolve("content.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String root : List.of("conversations", "translations")) {
        Path base = Path.of("..").resolve(root);
        try (Stream<Path> files = Files.walk(base)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            zip.putNextEntry(
                new ZipEntry(
                    root + "/" + base.relativize(f).toString().replace(File.separatorChar, '/')));
            Files.copy(f, zip);
            zip.closeEntry();
          }
        }
      }
    }
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      Knowledge k = Knowledge.load(fs.getPath("conversations"), fs.getPath("translations"));
      assertThat(k.understanding().understand("hola", null).language()).isEqualTo("es");
      assertThat(k.conversations().surveyIds()).isNotEmpty();
    }
  }
}
