package org.beatline.nlu;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Hands OpenNLP's document categorizer the features {@link Features} computed, unchanged. Public
 * only because OpenNLP instantiates it by name.
 */
public final class GivenFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInfo) {
    return Arrays.asList(text);
  }
}
