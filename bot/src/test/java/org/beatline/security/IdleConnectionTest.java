package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Half-sent requests and silent sockets are closed, connections beyond the cap are refused at once,
 * and the service keeps answering.
 */
class IdleConnectionTest {
  static final int CAP = 20;
  static Running beatline;
  static Running capped;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of("HTTP_IDLE_SECONDS", "1"), Running::fastOutbox);
    capped =
        Running.start(
            null,
            Map.of("HTTP_IDLE_SECONDS", "4", "HTTP_MAX_CONNECTIONS", Integer.toString(CAP)),
            Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    capped.close();
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnceAndTheServiceRecovers() throws Exception {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < CAP; i++) {
        Socket s = new Socket("127.0.0.1", capped.app.port());
        s.setSoTimeout(10_000);
        silent.add(s);
      }
      // The server counts a connection as soon as it accepts it: the next one is closed at once.
      await().atMost(Duration.ofSeconds(2)).until(() -> refusedAtOnce(capped.app.port()));

      // Closing a few of the silent ones makes room for real clients straight away.
      for (int i = 0; i < 3; i++) {
        silent.remove(0).close();
      }
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> capped.http.get("/health").send().await().statusCode() == 200);

      // The rest are closed by the server once they have been silent for the idle timeout.
      long start = System.nanoTime();
      for (Socket s : silent) {
        assertThat(s.getInputStream().read()).isEqualTo(-1);
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(9_000);
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
  }

  /** Whether a new connection is closed by the server within a second, before any request. */
  private static boolean refusedAtOnce(int port) throws Exception {
    try (Socket extra = new Socket("127.0.0.1", port)) {
      extra.setSoTimeout(1000);
      long start = System.nanoTime();
      try {
        return extra.getInputStream().read() == -1
            && (System.nanoTime() - start) / 1_000_000 < 1000;
      } catch (java.net.SocketTimeoutException e) {
        return false;
      }
    }
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
