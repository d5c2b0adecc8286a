package com.example.portfolio.node;

/**
 * How the simulated node behaves.
 *
 * @param seed decides which requests fail and which are slow
 * @param failureRate the share of calls that fail (503, reset, or hang)
 * @param blockMillis how often the block height advances
 * @param restPerSecond the REST API's rate limit
 * @param port the port on 127.0.0.1 (a fixed one keeps site names the same from run to run); 0 =
 *     any free port
 */
public record NodeOptions(long seed, double failureRate, long blockMillis, int restPerSecond, int port) {

  /** As command-line arguments of {@code --node}. */
  String[] arguments() {
    return new String[] {
      "--seed", Long.toString(seed), "--failure-rate", Double.toString(failureRate),
      "--block-time", Long.toString(blockMillis), "--rate-limit", Integer.toString(restPerSecond),
      "--port", Integer.toString(port)
    };
  }
}
