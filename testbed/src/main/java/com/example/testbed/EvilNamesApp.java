package com.example.testbed;

import java.lang.reflect.Method;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.ExceptionMethod;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Makes classes whose names carry HTML and quotes (legal in the JVM, which forbids only . ; [ /
 * in class names), calls and throws them, so that reports must show such names as text.
 */
public final class EvilNamesApp {

  /** The class names; the report test looks for them as text. */
  public static final String CLIENT = "evil.Client<svg onload=window.pwned=1>\"'";
  public static final String FAILURE = "evil.Failure<img src=x onerror=window.pwned=2>";

  private EvilNamesApp() {}

  public static void main(String[] args) throws Exception {
    ByteBuddy buddy = new ByteBuddy().with(TypeValidation.DISABLED);
    Class<? extends RuntimeException> failure =
        buddy.subclass(RuntimeException.class).name(FAILURE).make()
            .load(EvilNamesApp.class.getClassLoader(), ClassLoadingStrategy.Default.INJECTION)
            .getLoaded();
    Class<?> client =
        buddy.subclass(Object.class).name(CLIENT)
            .defineMethod("fetch", String.class, java.lang.reflect.Modifier.PUBLIC).withParameters(int.class)
            .intercept(FixedValue.value("ok"))
            .defineMethod("fail", String.class, java.lang.reflect.Modifier.PUBLIC)
            .intercept(ExceptionMethod.throwing(failure))
            .make()
            .load(EvilNamesApp.class.getClassLoader(), ClassLoadingStrategy.Default.INJECTION)
            .getLoaded();
    Object instance = client.getDeclaredConstructor().newInstance();
    Method fetch = client.getMethod("fetch", int.class);
    Method fail = client.getMethod("fail");
    int failures = 0;
    for (int i = 0; i < 300; i++) {
      fetch.invoke(instance, i % 3);
      try {
        fail.invoke(instance);
      } catch (java.lang.reflect.InvocationTargetException e) {
        failures++;
      }
    }
    System.out.println("failures " + failures + " " + ElementMatchers.class.getSimpleName().length());
  }
}
