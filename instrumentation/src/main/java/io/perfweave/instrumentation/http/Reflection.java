package io.perfweave.instrumentation.http;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls into a client library that lives in the application's class loader, which perfweave's
 * classes cannot name: methods found by name and argument count once per class, then cached, as
 * are the library's classes by name and their no-argument constructors (these run on every HTTP
 * call: a {@code Class.forName} and a constructor look-up each time were most of reading an
 * OkHttp request body). A method that is not there (a library version perfweave does not know)
 * fails with {@link NoSuchMethodException}, and the caller leaves that library alone.
 */
final class Reflection {

  // by name, then by argument count
  private static final ClassValue<Map<String, Method[]>> METHODS = mapPerClass();

  // the library's classes by name, from the class loader of the class they are asked from
  private static final ClassValue<Map<String, Class<?>>> TYPES = mapPerClass();

  private static final ClassValue<Constructor<?>> NO_ARGUMENT_CONSTRUCTORS =
      new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
          try {
            return type.getConstructor();
          } catch (NoSuchMethodException e) {
            return null;
          }
        }
      };

  private Reflection() {}

  /** A map of its own for each class, filled as it is asked for. */
  private static <V> ClassValue<Map<String, V>> mapPerClass() {
    return new ClassValue<>() {
      @Override
      protected Map<String, V> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };
  }

  /** Calls {@code target.name(arguments)}; what the method throws is thrown as it is. */
  static Object call(Object target, String name, Object... arguments) throws Throwable {
    return invoke(method(target.getClass(), name, arguments.length), target, arguments);
  }

  /** Calls the static {@code type.name(arguments)} whose parameter types are {@code types}. */
  static Object callStatic(Class<?> type, String name, Class<?>[] types, Object... arguments)
      throws Throwable {
    Method method = type.getDeclaredMethod(name, types);
    method.setAccessible(true);
    return invoke(method, null, arguments);
  }

  /** A class of the library, from the class loader of one of its objects. */
  static Class<?> type(Object libraryObject, String name) throws ClassNotFoundException {
    Map<String, Class<?>> types = TYPES.get(libraryObject.getClass());
    Class<?> type = types.get(name);
    if (type == null) {
      type = Class.forName(name, false, libraryObject.getClass().getClassLoader());
      types.put(name, type);
    }
    return type;
  }

  static Object construct(Class<?> type, Class<?>[] types, Object... arguments) throws Throwable {
    Constructor<?> constructor = types.length == 0 ? NO_ARGUMENT_CONSTRUCTORS.get(type) : type.getConstructor(types);
    if (constructor == null) {
      throw new NoSuchMethodException(type.getName() + " has no public constructor without arguments");
    }
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Method method(Class<?> type, String name, int arguments)
      throws NoSuchMethodException {
    Map<String, Method[]> methods = METHODS.get(type);
    Method[] byCount = methods.get(name);
    if (byCount != null && arguments < byCount.length && byCount[arguments] != null) {
      return byCount[arguments];
    }
    Method method = find(type, name, arguments);
    methods.compute(name, (n, known) -> withMethod(known, method, arguments));
    return method;
  }

  private static Method[] withMethod(Method[] known, Method method, int arguments) {
    Method[] byCount =
        known == null
            ? new Method[arguments + 1]
            : Arrays.copyOf(known, Math.max(known.length, arguments + 1));
    byCount[arguments] = method;
    return byCount;
  }

  private static Method find(Class<?> type, String name, int arguments) throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(name)
            && method.getParameterCount() == arguments
            && !method.isBridge()
            && !Modifier.isStatic(method.getModifiers())) {
          method.setAccessible(true);
          return method;
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + " with " + arguments + " arguments");
  }
}
