package org.beatline.concern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Officers to register at start from a YAML list (the file named by {@code OFFICERS_FILE}), so a
 * department can begin before anyone uses the admin API. An officer already registered under the
 * same id is left as staff last changed it.
 */
public final class OfficerFile {
  private static final Logger LOG = LoggerFactory.getLogger(OfficerFile.class);

  private OfficerFile() {}

  /** Reads the file; a missing or malformed file stops the start with a reason. */
  public static List<Officer> read(Path file) {
    try {
      Officer[] all =
          new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file), Officer[].class);
      for (Officer o : all) {
        if (o.id() == null
            || o.name() == null
            || o.displayName() == null
            || !Officer.ROLES.contains(o.role())) {
          throw new IllegalArgumentException(
              file.getFileName()
                  + ": every officer needs id, name, displayName and a role of "
                  + Officer.ROLES);
        }
        if (o.phone() == null && o.telegramChatId() == null) {
          throw new IllegalArgumentException(
              file.getFileName() + ": officer " + o.id() + " needs a phone or telegramChatId");
        }
      }
      return Arrays.asList(all);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "OFFICERS_FILE " + file.getFileName() + ": " + e.getMessage());
    }
  }

  /** Registers the officers not registered yet. */
  public static Future<Void> register(Officers officers, List<Officer> all) {
    Future<Void> chain = Future.succeededFuture();
    for (Officer o : all) {
      chain =
          chain.compose(
              v ->
                  officers
                      .find(o.id())
                      .compose(
                          known ->
                              known != null
                                  ? Future.succeededFuture()
                                  : officers.create(o).<Void>mapEmpty())
                      .recover(
                          e -> {
                            LOG.warn(
                                "officer {} from the officers file not registered: {}",
                                o.id(),
                                e.getMessage());
                            return Future.succeededFuture();
                          }));
    }
    return chain;
  }
}
