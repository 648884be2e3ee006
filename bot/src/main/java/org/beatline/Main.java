package org.beatline;

public final class Main {
  public static void main(String[] args) {
    System.out.println("beatline");
  }
}
