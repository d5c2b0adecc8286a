package com.example.portfolio;

/** One seed system's client, run round after round against the node. */
public interface Scenario {

  String name();

  /** One round of the client's loop; failures are counted in {@code operations}, not thrown. */
  void round(int round, Operations operations) throws InterruptedException;
}
