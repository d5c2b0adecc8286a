package com.example.testbed;

/** Something that knows balances; the fork tests match its implementations by supertype. */
public interface BalanceSource {

  long getBalance(String account);
}
