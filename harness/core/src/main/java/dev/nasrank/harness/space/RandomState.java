package dev.nasrank.harness.space;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** A sampler's {@link Random} as checkpoint bytes (Java serialisation, read back filtered). */
final class RandomState {

  private RandomState() {}

  /** The generator's state as bytes. */
  static byte[] save(Random random) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(random);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The generator saved by {@link #save}.
   *
   * @throws IllegalArgumentException if the bytes are not a saved {@code java.util.Random}
   */
  static Random restore(byte[] state) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
      in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
      Object o = in.readObject();
      if (!(o instanceof Random r) || o.getClass() != Random.class) {
        throw new IllegalArgumentException(
            "sampler state holds "
                + (o == null ? "null" : o.getClass().getName())
                + ", not java.util.Random");
      }
      return r;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "corrupt sampler state (" + state.length + " bytes): " + e.getMessage(), e);
    }
  }
}
