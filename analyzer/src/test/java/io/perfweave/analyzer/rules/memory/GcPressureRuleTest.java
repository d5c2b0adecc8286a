package io.perfweave.analyzer.rules.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcPressureRuleTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aShortRunsStartUpCollections_areNotPressure() {
    Model model = run(SECOND, 3, 10_000_000); // 3 % of the run, in three collections

    assertTrue(new GcPressureRule().evaluate(model, defaults()).isEmpty());
  }

  @Test
  void manyCollectionsOverTheShare_areReported() {
    Model model = run(SECOND, 12, 2_000_000); // 2.4 %

    assertEquals(1, new GcPressureRule().evaluate(model, defaults()).size());
  }

  @Test
  void manyCollectionsUnderTheShare_areNot() {
    Model model = run(10 * SECOND, 50, 2_000_000); // 1 %

    assertTrue(new GcPressureRule().evaluate(model, defaults()).isEmpty());
  }

  @Test
  void theMinimumOfCollections_isAThreshold() {
    Model model = run(SECOND, 3, 10_000_000);
    Thresholds fewer =
        Thresholds.parse(Map.of("memory.gcMinCollections", "3"), new GcPressureRule().thresholds());

    assertEquals(1, new GcPressureRule().evaluate(model, fewer).size());
  }

  private static Model run(long duration, int collections, long pauseNanos) {
    Model model = new Model();
    model.run().span(0, duration);
    for (int i = 0; i < collections; i++) {
      model.jvm().gcPauses().record(pauseNanos);
    }
    return model;
  }

  private static Thresholds defaults() {
    return Thresholds.parse(Map.of(), List.of());
  }
}
