package org.beatline;

import java.nio.file.Path;
import org.beatline.config.Config;
import org.beatline.config.Content;
import org.beatline.config.DepartmentFile;
import org.beatline.conversation.Conversations;
import org.beatline.conversation.Department;
import org.beatline.i18n.Catalogue;
import org.beatline.i18n.Renderer;
import org.beatline.message.Understanding;
import org.beatline.nlu.Nlu;

/**
 * What Beatline knows and says, read once at start: the department profile, the catalogues and the
 * one renderer over them, the flows, and the trained understanding.
 */
final class Knowledge {
  private final DepartmentFile department;
  private final Renderer renderer;
  private final Conversations conversations;
  private final Understanding understanding;

  private Knowledge(
      DepartmentFile department,
      Renderer renderer,
      Conversations conversations,
      Understanding understanding) {
    this.department = department;
    this.renderer = renderer;
    this.conversations = conversations;
    this.understanding = understanding;
  }

  static Knowledge load(Config config) {
    return load(
        Content.folder(config.conversationsDir(), "conversations"),
        Content.folder(config.translationsDir(), "translations"),
        config.modelCacheDir() == null ? null : Path.of(config.modelCacheDir()));
  }

  /**
   * Reads the content from two folders, on any file system: the service's own jar is one, so
   * nothing here may ask a path for a {@link java.io.File}.
   */
  static Knowledge load(Path dir, Path translations) {
    return load(dir, translations, null);
  }

  /**
   * The same, keeping the trained intent model in {@code modelCache} between starts (or not: null).
   */
  static Knowledge load(Path dir, Path translations, Path modelCache) {
    // The profile is read once: the catalogues need its language and zone, the flows the rest.
    Department profile = Conversations.readDepartment(dir);
    DepartmentFile department = DepartmentFile.of(profile.facts());
    Catalogue catalogue =
        Catalogue.load(translations, department.defaultLanguage(), department.timeZone());
    return new Knowledge(
        department,
        new Renderer(catalogue, department.replyArgs()),
        Conversations.load(dir, catalogue, profile),
        Nlu.train(dir, translations, modelCache));
  }

  DepartmentFile department() {
    return department;
  }

  Renderer renderer() {
    return renderer;
  }

  Conversations conversations() {
    return conversations;
  }

  Understanding understanding() {
    return understanding;
  }
}
