package io.perfweave.instrumentation.weaving;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Whether a type is, extends or implements the type of a given name, skipping the supertypes that
 * cannot be resolved. Another agent may add to a class an interface it defined in memory, with no
 * class file to read (the OpenTelemetry agent does this to every {@code Runnable}); Byte Buddy's
 * {@code hasSuperType} then fails on the whole class, and the failure counts as a transform error.
 */
public final class SuperTypeNamed extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

  private final String name;

  private SuperTypeNamed(String name) {
    this.name = name;
  }

  public static SuperTypeNamed superTypeNamed(String name) {
    return new SuperTypeNamed(name);
  }

  @Override
  public boolean matches(TypeDescription type) {
    Deque<TypeDescription> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      TypeDescription current = todo.poll();
      if (!seen.add(current.getName())) {
        continue;
      }
      if (current.getName().equals(name)) {
        return true;
      }
      addSupertypes(current, todo);
    }
    return false;
  }

  private static void addSupertypes(TypeDescription type, Deque<TypeDescription> todo) {
    try {
      TypeDescription.Generic superClass = type.getSuperClass();
      if (superClass != null) {
        todo.add(superClass.asErasure());
      }
      TypeList.Generic interfaces = type.getInterfaces();
      for (int i = 0; i < interfaces.size(); i++) {
        addInterface(interfaces, i, todo);
      }
    } catch (RuntimeException unresolvable) {
      // a type with no class file (another agent's, defined in memory) is none perfweave looks for
    }
  }

  private static void addInterface(TypeList.Generic interfaces, int index, Deque<TypeDescription> todo) {
    try {
      todo.add(interfaces.get(index).asErasure());
    } catch (RuntimeException unresolvable) {
      // as above: the other interfaces are still looked at
    }
  }

  @Override
  public String toString() {
    return "superTypeNamed(" + name + ")";
  }
}
