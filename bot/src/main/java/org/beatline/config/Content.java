package org.beatline.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the content folders ({@code conversations/}, {@code translations/}): a directory named in
 * the environment wins, otherwise the copy packaged in the jar (or on the test classpath) is used.
 */
public final class Content {
  private Content() {}

  /**
   * The folder to read {@code name} from.
   *
   * @param override a directory from the environment, or null
   * @param name {@code conversations} or {@code translations}
   */
  public static Path folder(String override, String name) {
    if (override != null && !override.isBlank()) {
      Path dir = Path.of(override);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(name + " directory does not exist: " + override);
      }
      return dir;
    }
    String root = System.getProperty("beatline.contentRoot");
    if (root != null && Files.isDirectory(Path.of(root, name))) {
      return Path.of(root, name);
    }
    URL url = Content.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no packaged " + name + " folder");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath(name);
      }
      return Path.of(uri);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
