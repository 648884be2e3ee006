package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phrases are found as residents type them, and not in words that merely look alike. */
class PhraseMatcherTest {
  private final PhraseMatcher danger =
      new PhraseMatcher(
          List.of("has a gun", "shooting", "breaking in", "有人开枪", "xabbad"), true, true);

  private boolean finds(String text) {
    return danger.matches(TextFolding.fold(text));
  }

  @Test
  void findsPhrasesWithTyposAndOneExtraWord() {
    assertTrue(finds("he has a gun"));
    assertTrue(finds("HE HAS GOT A GUN"));
    assertTrue(finds("someone is shoting"));
    assertTrue(finds("someone is shootting"));
    assertTrue(finds("someone is shotoing"));
    assertTrue(finds("someone is sheoting"));
    assertTrue(finds("someone is brekaing in"));
    assertTrue(finds("快来，有人开枪了"));
  }

  @Test
  void findsArabicWordsWithTheConjunctionWrittenOn() {
    PhraseMatcher arabic = new PhraseMatcher(List.of("وجهه ازرق", "معه سكين"), true, true);
    assertTrue(arabic.matches(TextFolding.fold("صاحبي ماخد هيروين ووجهه ازرق")));
    assertTrue(arabic.matches(TextFolding.fold("في رجال برا ومعه سكين")));
    assertTrue(arabic.matches(TextFolding.fold("فمعه سكين")));
    assertFalse(arabic.matches(TextFolding.fold("ازرق وجهه")));
  }

  @Test
  void leavesShortAndFirstLetterLookalikesAlone() {
    assertFalse(finds("he has a gnu"));
    assertFalse(finds("nabad gelyo"));
    assertFalse(finds("whooting"));
    assertFalse(finds("breaking news"));
    assertFalse(finds("有人开会"));
  }

  @Test
  void cuesMatchOnlyWordsThatFollowEachOther() {
    PhraseMatcher cue = new PhraseMatcher(List.of("tối qua"), false, false);
    assertTrue(cue.matches(TextFolding.fold("tối qua có người bắn")));
    assertFalse(cue.matches(TextFolding.fold("tôi sợ quá")));
  }

  @Test
  void silencingCuesTakeNoTypos() {
    PhraseMatcher cue = new PhraseMatcher(List.of("policy"), false, false);
    assertTrue(cue.matches(TextFolding.fold("taser policy")));
    assertFalse(cue.matches(TextFolding.fold("call the police he has a gun")));
  }
}
