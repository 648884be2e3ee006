package org.beatline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan of the test run's log finds numbers in clear and lets masked ones pass. */
class LogScanTest {
  @Test
  void numbersInClearAreFound() {
    assertThat(
            LogScan.unmasked(
                List.of(
                    "WARN OutboxWorker - permanent failure to +15557770001: 21211",
                    "body To=%2B15559990000&Body=hi",
                    "contact whatsapp:+447700900123 created",
                    "sent to 15557770002 at last",
                    "full width ＋15557770003")))
        .hasSize(5);
  }

  @Test
  void maskedNumbersIdsAndTimesPass() {
    assertThat(
            LogScan.unmasked(
                List.of(
                    "INFO OutboxWorker - outbox twilio: retry to +1555***01 in 20 ms",
                    "stream entry 1733612345555-0 acknowledged",
                    "update u990001 from tel***77",
                    "took 15557 ms, 2 attempts, sid SM0123456789abcdef")))
        .isEmpty();
  }

  @Test
  void theBuildStepFailsOnALeak(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("test-run.log");
    Files.writeString(log, "12:00:00.000 INFO Pipeline - inbound from +15557770001\n");
    assertThatThrownBy(() -> LogScan.main(new String[] {log.toString()}))
        .hasMessageContaining("phone number in clear");
    Files.writeString(log, "12:00:00.000 INFO Pipeline - inbound from +1555***01\n");
    LogScan.main(new String[] {log.toString()});
  }
}
