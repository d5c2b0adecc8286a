package io.perfweave.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import jdk.jfr.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingSettingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "profile"})
  void theJdksConfiguration_tableStatisticsOncePerChunk_everythingElseAsItWas(String name) throws Exception {
    Map<String, String> jdk = Configuration.getConfiguration(name).getSettings();
    Map<String, String> ours = RecordingSettings.of(name);

    assertEquals("everyChunk", ours.get("jdk.SymbolTableStatistics#period"));
    // a JDK without some of these events has no setting for them (JDK 25 has the symbol and
    // string tables' only)
    for (String event : RecordingSettings.TABLE_STATISTICS) {
      if (jdk.containsKey(event + "#period")) {
        assertEquals("everyChunk", ours.get(event + "#period"), event);
      }
      assertEquals(jdk.get(event + "#enabled"), ours.get(event + "#enabled"), event);
    }
    jdk.forEach((key, value) -> {
      if (!RecordingSettings.TABLE_STATISTICS.contains(key.substring(0, key.indexOf('#')))) {
        assertEquals(value, ours.get(key), key);
      }
    });
    assertEquals(jdk.keySet(), ours.keySet());
  }

  @Test
  void anEventWithoutAPeriod_isNotGivenOne() {
    Map<String, String> ours = RecordingSettings.lighter(Map.of("jdk.StringTableStatistics#enabled", "false"));

    assertFalse(ours.containsKey("jdk.StringTableStatistics#period"));
  }
}
