package org.beatline.message;

/**
 * What a channel can carry, as its adapter declares it, so that no room above the adapters writes a
 * channel id: whether it shows buttons, and how fast the provider lets us send.
 *
 * @param buttons whether choices can be shown as buttons (otherwise they are numbered in the text)
 * @param messagesPerSecond the provider's send rate, shared by every instance
 */
public record ChannelTraits(boolean buttons, double messagesPerSecond) {

  /** A channel we know nothing about (the terminal): numbered choices, a modest rate. */
  public static final ChannelTraits PLAIN = new ChannelTraits(false, 50);
}
