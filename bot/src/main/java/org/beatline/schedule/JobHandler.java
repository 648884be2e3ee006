package org.beatline.schedule;

import io.vertx.core.Future;

/** Runs one type of job; a failed future is retried with backoff, then parked for staff. */
@FunctionalInterface
public interface JobHandler {
  Future<Void> run(Job job);
}
