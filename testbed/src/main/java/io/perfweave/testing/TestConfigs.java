package io.perfweave.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files the fork tests share. */
public final class TestConfigs {

  private TestConfigs() {}

  /** perfweave.yaml in {@code dir}: output {@code out}, one timed site on NodeClient#getBalance. */
  public static Path balanceReadSite(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("perfweave.yaml"),
        String.join(
            "\n",
            "output: out",
            "sites:",
            "  - name: balance-read",
            "    match: { type: com.example.testbed.NodeClient, method: getBalance }",
            ""));
  }
}
