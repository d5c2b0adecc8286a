package io.perfweave.instrumentation.weaving;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.function.Supplier;

/**
 * Weaving that waits for the first class it may weave: classes whose names no site or HTTP client
 * can match ({@link WeavingCandidates}) pass untouched, and Byte Buddy's transformer, with its
 * thousand classes, is made only when a candidate loads, on that class's loading thread. An
 * application that loads none, or loads them later, starts without waiting for Byte Buddy.
 */
final class DeferredWeaving implements ClassFileTransformer {

  private static final ClassFileTransformer NONE = new ClassFileTransformer() {};

  private final WeavingCandidates candidates;
  private final Supplier<ClassFileTransformer> weaving;
  private volatile ClassFileTransformer weaver;

  /** @param weaving makes Byte Buddy's transformer, once */
  DeferredWeaving(WeavingCandidates candidates, Supplier<ClassFileTransformer> weaving) {
    this.candidates = candidates;
    this.weaving = weaving;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
    if (className == null || !candidates.test(className.replace('/', '.'))) {
      return null;
    }
    return weaver().transform(module, loader, className, redefined, domain, bytes);
  }

  private ClassFileTransformer weaver() {
    ClassFileTransformer made = weaver;
    return made != null ? made : make();
  }

  private synchronized ClassFileTransformer make() {
    if (weaver == null) {
      try {
        weaver = weaving.get();
      } catch (RuntimeException | Error failed) {
        System.err.println("perfweave: internal error while preparing to weave, running uninstrumented: " + failed);
        weaver = NONE;
      }
    }
    return weaver;
  }
}
