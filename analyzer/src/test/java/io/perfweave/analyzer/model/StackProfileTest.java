package io.perfweave.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StackProfileTest {

  private static final boolean[] JAVA = {true, true, true, true};

  @Test
  void workInPerfweaveInsideAWovenMethod_isPerfweavesNotTheMethods() {
    StackProfile profile = new StackProfile();
    profile.add(
        new String[] {"jdk.jfr.internal.event.EventWriter.putString",
            "io.perfweave.instrumentation.runtime.SiteRuntime.commit", "com.example.Client.read",
            "com.example.Main.main"},
        JAVA, "", 7);

    assertEquals(7, profile.perfweaveValue());
    assertEquals(0, profile.applicationValue());
    assertEquals(0, profile.byApplicationFrame().get("com.example.Client.read"));
  }

  @Test
  void applicationCodePerfweaveCalls_isTheApplications() {
    StackProfile profile = new StackProfile();
    // a key's hashCode, which perfweave calls to build a cache key, runs the application's code
    profile.add(
        new String[] {"java.lang.String.hashCode", "com.example.Key.hashCode",
            "io.perfweave.instrumentation.runtime.KeyShape.build", "com.example.Client.read"},
        JAVA, "", 5);

    assertEquals(0, profile.perfweaveValue());
    assertEquals(5, profile.byApplicationFrame().get("com.example.Key.hashCode"));
  }

  @Test
  void libraryCodeUnderTheApplication_isTheApplications() {
    StackProfile profile = new StackProfile();
    profile.add(new String[] {"java.util.HashMap.resize", "com.example.Client.read"}, new boolean[] {true, true}, "", 3);

    assertEquals(3, profile.applicationValue());
    assertEquals(0, profile.perfweaveValue());
    assertEquals(3, profile.byApplicationFrame().get("com.example.Client.read"));
  }

  @Test
  void merged_keepsPerfweavesShare() {
    StackProfile one = new StackProfile();
    one.add(new String[] {"io.perfweave.bridge.Bridge.exit", "com.example.Client.read"}, new boolean[] {true, true}, "", 2);
    StackProfile two = new StackProfile();
    two.merge(one);

    assertEquals(2, two.perfweaveValue());
  }
}
