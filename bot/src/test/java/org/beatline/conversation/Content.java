package org.beatline.conversation;

import org.beatline.i18n.Catalogue;

/** The real conversations and translations folders, loaded once for the tests. */
final class Content {
  static final Catalogue CATALOGUE =
      Catalogue.load(
          org.beatline.config.Content.folder(null, "translations"), "en", "America/Chicago");
  static final org.beatline.i18n.Renderer RENDERER =
      new org.beatline.i18n.Renderer(CATALOGUE, java.util.Map.of());
  static final Conversations CONVERSATIONS =
      Conversations.load(org.beatline.config.Content.folder(null, "conversations"), CATALOGUE);

  private Content() {}
}
