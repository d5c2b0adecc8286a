package com.example.portfolio.neo;

import com.example.portfolio.Operations;
import com.example.portfolio.Scenario;
import com.example.portfolio.rpc.JsonRpc;
import com.example.portfolio.rpc.OkHttpTransport;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The service layer of the Neo N3 guides (001, 002), on OkHttp: the block count polled to wait
 * for the next block, contract reads through {@code invokefunction}, NEP-17 balances fetched
 * address by address, and now and then a {@code sendrawtransaction}.
 */
public final class NeoScenario implements Scenario {

  private static final String[] TOKENS = {
    "0xd2a4cff31913016155e38e474a2c06d08be276cf", "0xef4073a0f2b305a38ec4050e4d3d28bc40ea63f5",
    "0xf0151f528127558851b39c2cd8aa47da7418ab28"
  };
  private static final int ADDRESSES = 6;
  private static final String SERVICE = "NZNovx8gsxZ4mdrBG9xjSvGZXgRMQgYe5u";
  private final JsonRpc rpc;

  public NeoScenario(String baseUrl) {
    this.rpc = new JsonRpc(new OkHttpTransport(), baseUrl + "/rpc");
  }

  @Override
  public String name() {
    return "neo";
  }

  @Override
  public void round(int round, Operations operations) throws InterruptedException {
    operations.read("neo getblockcount", () -> rpc.call("getblockcount", JsonRpc.array()));
    operations.read("neo getblockcount", () -> rpc.call("getblockcount", JsonRpc.array()));
    for (String token : TOKENS) {
      operations.read("neo invokefunction balanceOf", () -> rpc.call("invokefunction", balanceOf(token)));
    }
    for (int i = 0; i < ADDRESSES; i++) {
      String address = "NAddr" + i + "x8gsxZ4mdrBG9xjSvGZXgRMQgY";
      operations.read("neo getnep17balances", () -> rpc.call("getnep17balances", JsonRpc.array(address)));
    }
    if (round % 10 == 4) {
      operations.write("neo sendrawtransaction", () -> rpc.call("sendrawtransaction", JsonRpc.array("AAEC" + round)));
    }
  }

  private static ArrayNode balanceOf(String token) {
    ArrayNode params = JsonRpc.array(token, "balanceOf");
    params.addArray().addObject().put("type", "Hash160").put("value", SERVICE);
    return params;
  }
}
