package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Half-sent requests and silent sockets are closed, and the service keeps answering. */
class IdleConnectionTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of("HTTP_IDLE_SECONDS", "1"), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  @Test
  void aHalfSentRequestIsClosedAndHealthStillAnswers() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", beatline.app.port())) {
      slow.setSoTimeout(10_000);
      OutputStream out = slow.getOutputStream();
      out.write(
          "POST /webhooks/twilio HTTP/1.1\r\nHost: x\r\nContent-Le"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = slow.getInputStream();
      // The server closes the connection: the read ends instead of waiting for ever.
      while (in.read() != -1) {
        // whatever the server says before closing
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(9_000);
    }
    assertThat(beatline.http.get("/health").send().await().statusCode()).isEqualTo(200);
  }
}
