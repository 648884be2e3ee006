package org.beatline.nlu;

/** One labelled message: what a resident wrote in {@code language}, meaning {@code intent}. */
record Example(String language, String intent, String text) {}
