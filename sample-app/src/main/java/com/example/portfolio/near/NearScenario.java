package com.example.portfolio.near;

import com.example.portfolio.Operations;
import com.example.portfolio.Scenario;
import com.example.portfolio.rpc.JdkTransport;
import com.example.portfolio.rpc.JsonRpc;

/**
 * The contract client of the NEAR guide (000): view calls of the contract re-read in every loop
 * (its config before each proposal), the members' accounts looked up one by one (N+1), and now
 * and then a vote sent with {@code broadcast_tx_commit}.
 */
public final class NearScenario implements Scenario {

  private static final int PROPOSALS = 5;
  private static final int MEMBERS = 8;
  private final NearContractClient client;

  public NearScenario(String baseUrl) {
    this.client = new NearContractClient(new JsonRpc(new JdkTransport(), baseUrl + "/rpc"), "proxima.testnet");
  }

  @Override
  public String name() {
    return "near";
  }

  @Override
  public void round(int round, Operations operations) throws InterruptedException {
    for (int proposal = 0; proposal < PROPOSALS; proposal++) {
      int id = proposal;
      operations.read("near view get_config", () -> client.view("get_config", "{}"));
      operations.read("near view get_proposal", () -> client.view("get_proposal", "{\"id\":" + id + "}"));
    }
    for (int member = 0; member < MEMBERS; member++) {
      String account = "member-" + member + ".testnet";
      operations.read("near view_account", () -> client.account(account));
    }
    if (round % 10 == 9) {
      operations.write("near broadcast_tx_commit", () -> client.vote(round % PROPOSALS, round));
    }
  }
}
