package com.example.planted;

/** A read called once per account in a loop: the N+1 pattern. */
public class AccountService {

  public String account(String id) {
    Remote.roundTrip(2);
    return "account " + id;
  }
}
