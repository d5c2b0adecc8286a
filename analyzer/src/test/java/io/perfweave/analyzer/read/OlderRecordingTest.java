package io.perfweave.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.report.JsonReport;
import io.perfweave.analyzer.report.SuggestedConfig;
import io.perfweave.analyzer.rules.RuleRunner;
import io.perfweave.analyzer.rules.Thresholds;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recording of the agent before contract 0.2 (no resultHash, no movingBlock, retry decisions
 * without their JSON-RPC method) still analyzes: the sample application for six rounds with a
 * cache and retries, its perfweave events kept by {@code jfr scrub --include-events 'perfweave.*'}.
 */
final class OlderRecordingTest {

  @Test
  void agent01Recording_analyzesAndPlans() throws Exception {
    Model model = ModelLoader.load(List.of(fixture()), new PrintStream(OutputStream.nullOutputStream())).model();

    SiteModel query = model.sites().get("http:127.0.0.1:18601/rpc query");
    assertTrue(query != null && query.calls() > 0, model.sites().keySet().toString());
    assertTrue(query.retries() > 0, "the retries show in the calls' attempts");
    assertTrue(model.sites().values().stream().allMatch(s -> s.calls() > 0),
        "no site made of retry decisions alone: " + model.sites().keySet());
    for (int i = 0; i < query.callLog().size(); i++) {
      assertEquals(0, query.callLog().result(i));
      assertFalse(query.callLog().movingBlock(i));
    }
    RuleRunner.Result rules = RuleRunner.run(model, new Thresholds());
    Plans plans = Plans.of(model, rules.findings(), new Thresholds());
    JsonReport.build(model, rules, plans);
    assertTrue(SuggestedConfig.render(model, plans).contains("sites:") || SuggestedConfig.render(model, plans).contains("http:"));
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(OlderRecordingTest.class.getResource("/recordings/agent-0.1.jfr").toURI());
  }
}
