package com.example.bench;

/**
 * The smallest application the start-up benchmark launches: it prints one line. What an agent adds
 * to its start-up is the agent's own.
 */
public final class HelloApp {

  private HelloApp() {}

  public static void main(String[] args) {
    System.out.println("{\"result\":\"hello\"}");
  }
}
