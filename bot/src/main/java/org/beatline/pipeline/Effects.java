package org.beatline.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.contact.Contact;
import org.beatline.conversation.Effect;

/**
 * Carries out what a conversation turn decided, in order: one small handler per effect type,
 * registered by the domain that owns it. An effect type without a handler stops the service at
 * start rather than being ignored at run time.
 */
public final class Effects {

  /** Carries out one type of effect for the contact whose turn decided it. */
  @FunctionalInterface
  public interface Handler<E extends Effect> {
    Future<Void> apply(Contact contact, E effect, Instant now);
  }

  private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

  /** Registers the handler of one effect type; a type has exactly one. */
  public <E extends Effect> Effects on(Class<E> type, Handler<E> handler) {
    if (handlers.putIfAbsent(type, handler) != null) {
      throw new IllegalStateException("two handlers for effect " + type.getSimpleName());
    }
    return this;
  }

  /** Fails when an effect type the engine may produce has no handler. */
  public Effects verify() {
    List<String> missing = new ArrayList<>();
    for (Class<?> type : Effect.class.getPermittedSubclasses()) {
      if (!handlers.containsKey(type)) {
        missing.add(type.getSimpleName());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("no handler for effects " + missing);
    }
    return this;
  }

  /** Carries out {@code effects} one after the other. */
  public Future<Void> apply(Contact contact, List<Effect> effects, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (Effect e : effects) {
      chain = chain.compose(v -> apply(contact, e, now));
    }
    return chain;
  }

  @SuppressWarnings("unchecked")
  private <E extends Effect> Future<Void> apply(Contact contact, E effect, Instant now) {
    Handler<E> handler = (Handler<E>) handlers.get(effect.getClass());
    if (handler == null) {
      return Future.failedFuture(
          new IllegalStateException("no handler for effect " + effect.getClass().getSimpleName()));
    }
    return handler.apply(contact, effect, now);
  }
}
