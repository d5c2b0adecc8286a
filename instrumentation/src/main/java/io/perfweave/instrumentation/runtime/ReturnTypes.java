package io.perfweave.instrumentation.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The return type of a woven method, from its declaring class and descriptor; resolved once. */
final class ReturnTypes {

  private static final ClassValue<Map<String, Class<?>>> BY_METHOD =
      new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private ReturnTypes() {}

  /** @param method the name and descriptor, as {@code get(Ljava/lang/String;)Ljava/math/BigInteger;} */
  static Class<?> of(Class<?> type, String method) throws ClassNotFoundException {
    Map<String, Class<?>> known = BY_METHOD.get(type);
    Class<?> resolved = known.get(method);
    if (resolved == null) {
      resolved = resolve(type, method.substring(method.lastIndexOf(')') + 1));
      known.put(method, resolved);
    }
    return resolved;
  }

  private static Class<?> resolve(Class<?> type, String descriptor) throws ClassNotFoundException {
    switch (descriptor.charAt(0)) {
      case 'V': return void.class;
      case 'Z': return boolean.class;
      case 'B': return byte.class;
      case 'C': return char.class;
      case 'S': return short.class;
      case 'I': return int.class;
      case 'J': return long.class;
      case 'F': return float.class;
      case 'D': return double.class;
      case 'L':
        return Class.forName(
            descriptor.substring(1, descriptor.length() - 1).replace('/', '.'), false, type.getClassLoader());
      default:
        return Class.forName(descriptor.replace('/', '.'), false, type.getClassLoader());
    }
  }
}
