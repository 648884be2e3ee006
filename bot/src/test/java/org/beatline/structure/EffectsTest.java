package org.beatline.structure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import org.beatline.conversation.Effect;
import org.beatline.pipeline.Effects;
import org.junit.jupiter.api.Test;

/** Every effect the engine may produce has exactly one handler, or the service does not start. */
class EffectsTest {

  @Test
  void anEffectTypeWithoutAHandlerFailsAtStart() {
    Effects some =
        new Effects().on(Effect.SetLanguage.class, (c, e, now) -> Future.succeededFuture());
    assertThatThrownBy(some::verify)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CreateConcern")
        .hasMessageContaining("Problem");
  }

  @Test
  void anEffectTypeCannotHaveTwoHandlers() {
    Effects one =
        new Effects().on(Effect.SetLanguage.class, (c, e, now) -> Future.succeededFuture());
    assertThatThrownBy(
            () -> one.on(Effect.SetLanguage.class, (c, e, now) -> Future.succeededFuture()))
        .hasMessageContaining("two handlers");
  }
}
