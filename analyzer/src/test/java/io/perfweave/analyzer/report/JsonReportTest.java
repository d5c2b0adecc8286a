package io.perfweave.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  @Test
  void mapsAndSetsWithoutAnOrder_areWrittenSortedByKey_orderedOnesAsBuilt() throws Exception {
    Map<String, Object> built = new LinkedHashMap<>();
    built.put("z", Map.of("b", 1, "c", 2, "a", 3));
    built.put("y", Set.of("q", "p", "r"));
    built.put("x", List.of(Map.of("n", 1, "m", 2)));

    String json = JsonReport.toJson(built).replaceAll("\\s", "");

    assertEquals("{\"z\":{\"a\":3,\"b\":1,\"c\":2},\"y\":[\"p\",\"q\",\"r\"],\"x\":[{\"m\":2,\"n\":1}]}", json);
  }
}
