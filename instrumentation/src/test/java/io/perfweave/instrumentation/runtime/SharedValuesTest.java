package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidClassException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import javax.management.Attribute;
import org.junit.jupiter.api.Test;

final class SharedValuesTest {

  record Balance(String account, BigInteger wei) implements Serializable {}

  @Test
  void applicationValue_roundTrips_asTheMethodsReturnType() throws Exception {
    Balance balance = new Balance("0x22", BigInteger.TEN);
    byte[] bytes = SharedValues.write(balance);

    assertEquals(balance, SharedValues.read(bytes, Balance.class, SharedValuesTest.class));
    assertEquals(List.of(balance), SharedValues.read(SharedValues.write(List.of(balance)), List.class, SharedValuesTest.class));
    assertEquals(42L, SharedValues.read(SharedValues.write(42L), long.class, SharedValuesTest.class));
  }

  @Test
  void anotherType_isNotServed() throws Exception {
    assertNull(SharedValues.read(SharedValues.write("text"), Balance.class, SharedValuesTest.class));
  }

  @Test
  void aClassOutsideTheAdmittedPackages_isRefusedBeforeItIsBuilt() throws Exception {
    byte[] bytes = SharedValues.write(new Attribute("name", 1));

    assertThrows(InvalidClassException.class, () -> SharedValues.read(bytes, Object.class, SharedValuesTest.class));
  }

  @Test
  void aSerializedLambda_isRefused() throws Exception {
    Runnable lambda = (Runnable & Serializable) () -> {};
    byte[] bytes = SharedValues.write(lambda);

    assertThrows(InvalidClassException.class, () -> SharedValues.read(bytes, Runnable.class, SharedValuesTest.class));
  }

  @Test
  void notSerializable_isNotShared() throws Exception {
    assertNull(SharedValues.write(new Object()));
    assertNull(SharedValues.write(null));
  }
}
