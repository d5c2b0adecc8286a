package io.perfweave.instrumentation.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Every send method perfweave weaves out of the box, library by library. An entry point's index
 * in {@link #ALL} is the constant woven into its advice, so the weaving and the runtime read the
 * same list.
 */
public final class HttpEntryPoints {

  /** One woven send method and the library it belongs to. */
  public record EntryPoint(HttpLibrary library, WovenMethod method) {}

  /** The libraries, each with its own matchers and adapter. */
  static final List<HttpLibrary> LIBRARIES =
      List.of(new JdkHttpClientLibrary(), new OkHttpLibrary(), new ApacheClassicLibrary());

  /** Every entry point, in the order of the constants woven into the advice. */
  public static final List<EntryPoint> ALL = entryPoints();

  private HttpEntryPoints() {}

  private static List<EntryPoint> entryPoints() {
    List<EntryPoint> all = new ArrayList<>();
    for (HttpLibrary library : LIBRARIES) {
      for (WovenMethod method : library.wovenMethods()) {
        all.add(new EntryPoint(library, method));
      }
    }
    return List.copyOf(all);
  }
}
