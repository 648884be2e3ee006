package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages are folded the way residents' spelling varies. */
class TextFoldingTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HELLOOOO!!!|hello",
        "heyyy   there|hey there",
        "Good  morning, officer.|good morning officer",
        "¿Dónde está la reunión?|? donde esta la reunion ?",
        "Tôi muốn gặp cảnh sát|toi muon gap canh sat",
        "Đà Nẵng|da nang",
        "I'm scared|im scared",
        "call 911 now|call 911 now",
        "my zip is 94110|my zip is 0",
        "٩١١ الحقوني|911 الحقوني",
        "أَحْمَد إِلى المدرسة|احمد الي المدرسه",
        "ＨＥＬＬＯ １２３|hello 0",
        "help 🚨🚨|help 🚨 🚨",
        "thanks 👍🏽|thanks 👍",
        "dhiig badan|dhiig badan",
        "3ayez a2addem shakwa|3ayez a2addem shakwa",
        "ra2mi 7aree2|ra2mi 7aree2",
        "meeting at 10am or 5pm|meeting at 0am or 5pm",
      })
  void foldsCaseAccentsLettersDigitsAndSymbols(String text, String folded) {
    assertEquals(folded, TextFolding.fold(text));
  }
}
