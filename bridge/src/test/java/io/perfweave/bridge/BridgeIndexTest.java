package io.perfweave.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index the agent defines the bridge from, in the boot loader, lists every class this module
 * compiles, each after the types it extends: a class left out would be missing there at run time.
 */
class BridgeIndexTest {

  private static final String INDEX = "/META-INF/perfweave/bridge-classes";

  @Test
  void listsEveryCompiledBridgeClass() throws IOException {
    Set<String> compiled;
    try (Stream<Path> files = Files.list(Path.of("target/classes/io/perfweave/bridge"))) {
      compiled = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class"))
          .map(name -> "io.perfweave.bridge." + name.substring(0, name.length() - ".class".length()))
          .collect(Collectors.toSet());
    }
    assertEquals(compiled, Set.copyOf(index()));
  }

  @Test
  void listsEachClassAfterTheBridgeTypesItExtends() throws IOException, ClassNotFoundException {
    List<String> index = index();
    for (String name : index) {
      Class<?> type = Class.forName(name, false, BridgeIndexTest.class.getClassLoader());
      List<Class<?>> supertypes = new ArrayList<>(List.of(type.getInterfaces()));
      if (type.getSuperclass() != null) {
        supertypes.add(type.getSuperclass());
      }
      for (Class<?> supertype : supertypes) {
        if (supertype.getPackageName().equals(Bridge.class.getPackageName())) {
          assertTrue(index.indexOf(supertype.getName()) < index.indexOf(name),
              supertype.getName() + " must come before " + name);
        }
      }
    }
  }

  private static List<String> index() throws IOException {
    try (InputStream in = BridgeIndexTest.class.getResourceAsStream(INDEX)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }
  }
}
