package org.beatline.pipeline;

import io.vertx.core.Future;

/**
 * One link of the gate every message passes: safety, consent, officer commands, relay, the
 * conversation. A responder answers a message or declines it, and the next one in order may answer.
 */
public interface Responder {

  /** Its response to {@code in}, or a future of null to decline. */
  Future<Response> respond(Incoming in);
}
