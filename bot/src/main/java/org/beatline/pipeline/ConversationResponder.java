package org.beatline.pipeline;

import io.vertx.core.Future;

/** The last responder: the conversation engine answers whatever no one before it took. */
final class ConversationResponder implements Responder {
  private final Conversation conversation;

  ConversationResponder(Conversation conversation) {
    this.conversation = conversation;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    return conversation
        .respond(in.contact(), in.message(), in.understood())
        .map(a -> new Response(in.contact(), a.replies(), a.flow(), a.step()));
  }
}
