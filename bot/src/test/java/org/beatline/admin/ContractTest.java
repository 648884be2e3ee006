package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document is a contract the request validator accepts. */
class ContractTest {
  @Test
  void theDocumentIsAValidOpenApiContract() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String yaml = Files.readString(Path.of("src/main/resources/admin/openapi.yaml"));
      Throwable failure = null;
      try {
        new Contract(vertx, yaml).ready().await();
      } catch (Exception e) {
        failure = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
          System.out.println("cause: " + t.getMessage());
        }
      }
      assertThat(failure).as("the document as the validator reads it").isNull();
    } finally {
      vertx.close().await();
    }
  }
}
