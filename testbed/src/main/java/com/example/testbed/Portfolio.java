package com.example.testbed;

/** Calls the price service twice per valuation: a policy site around another policy site. */
public class Portfolio {

  private final PriceService prices;

  public Portfolio(PriceService prices) {
    this.prices = prices;
  }

  public long value(String symbol) {
    return prices.price(symbol) + prices.price(symbol);
  }
}
