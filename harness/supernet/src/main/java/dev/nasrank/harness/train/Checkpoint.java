package dev.nasrank.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.CellSampling;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.supernet.SupernetConfig;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A training checkpoint: supernet configuration, seed, completed epochs, global step, sampler
 * generator state, the run's identity (every setting that changes the result, for {@code --resume}
 * to compare), every parameter (BN running statistics included) and the optimizer's momentum
 * buffers, closed by a CRC-32.
 *
 * <p>Written atomically through {@link AtomicFiles} (a temp file in the same folder, forced to
 * disk, then a rename), so a crash never leaves a half-written checkpoint in place of the last good
 * one; the temp file a kill leaves is removed by the trainer's next start. Loading verifies magic,
 * version and CRC before touching the model. Version 1 files (no identity) are still read.
 *
 * <p>The header of versions 1 and 2 holds an S4 supernet ({@link S4SupernetConfig}: method, BN
 * strategy, m, sampler mode, network shape); the names are written as the files and commands spell
 * them ({@code mixpath}, {@code linear_sbn}, {@code corrected}) and read in that spelling or in the
 * upper-case enum names of files written before 2026-12. S4 supernets are still written as version
 * 2, byte for byte as before. Version 3 holds a NAS-Bench-101 cell-space supernet ({@link
 * CellSupernetConfig}): the space's id, method, BN strategy, sampling, network shape; the rest of
 * the file is laid out as version 2's.
 *
 * @param config the supernet's configuration
 * @param seed training seed
 * @param epochsCompleted number of epochs finished (the next run starts at this zero-based epoch)
 * @param globalStep optimizer steps taken
 * @param samplerState {@link dev.nasrank.harness.space.ArchitectureSampler#saveState()} bytes
 * @param identity setting name to value of everything that changes the result (empty for a version
 *     1 file)
 */
public record Checkpoint(
    SupernetConfig<?> config,
    long seed,
    int epochsCompleted,
    long globalStep,
    byte[] samplerState,
    Map<String, String> identity) {

  private static final String MAGIC = "nasrank-supernet-checkpoint";
  private static final int VERSION = 2;

  /**
   * The version of a NAS-Bench-101 cell-space supernet's checkpoint: after the version, the space's
   * id, method, BN strategy, sampling and the network shape; then as version 2.
   */
  private static final int CELL_VERSION = 3;

  /** File name of the checkpoint inside a run folder. */
  public static final String FILE_NAME = "checkpoint.bin";

  /** Copies the identity. */
  public Checkpoint {
    identity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identity));
  }

  /**
   * Writes the checkpoint, the parameters and the momentum buffers to {@code file} atomically.
   *
   * @throws IOException on a write failure (the previous file, if any, stays intact)
   * @throws UnsupportedOperationException for a supernet of a space this format does not hold
   */
  public void save(Path file, Map<String, Parameter> params, Map<String, NDArray> buffers)
      throws IOException {
    if (!(config instanceof S4SupernetConfig) && !(config instanceof CellSupernetConfig)) {
      throw new UnsupportedOperationException(
          "checkpoints hold S4 and NAS-Bench-101 cell-space supernets, not one of space "
              + config.space().id());
    }
    AtomicFiles.write(
        file,
        sink -> {
          DataOutputStream raw = new DataOutputStream(sink);
          CRC32 crc = new CRC32();
          DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
          out.writeUTF(MAGIC);
          if (config instanceof S4SupernetConfig s4) {
            out.writeInt(VERSION);
            out.writeUTF(s4.method().cliName());
            out.writeUTF(s4.bnStrategy().cliName());
            out.writeInt(s4.maxPaths());
            out.writeUTF(s4.samplerMode().cliName());
          } else {
            CellSupernetConfig cell = (CellSupernetConfig) config;
            out.writeInt(CELL_VERSION);
            out.writeUTF(cell.space().id());
            out.writeUTF(cell.method().cliName());
            out.writeUTF(cell.bnStrategy().cliName());
            out.writeUTF(cell.sampling().cliName());
          }
          NetworkShape network = config.network();
          out.writeInt(network.stemChannels());
          out.writeInt(network.stacks());
          out.writeInt(network.cellsPerStack());
          out.writeInt(network.classes());
          out.writeLong(seed);
          out.writeInt(epochsCompleted);
          out.writeLong(globalStep);
          writeBytes(out, samplerState);
          out.writeInt(identity.size());
          for (Map.Entry<String, String> e : identity.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
          }
          out.writeInt(params.size());
          for (Map.Entry<String, Parameter> e : params.entrySet()) {
            out.writeUTF(e.getKey());
            writeBytes(out, e.getValue().getArray().encode());
          }
          out.writeInt(buffers.size());
          for (Map.Entry<String, NDArray> e : buffers.entrySet()) {
            out.writeUTF(e.getKey());
            writeBytes(out, e.getValue().encode());
          }
          out.flush();
          raw.writeLong(crc.getValue());
          raw.flush();
        });
  }

  /**
   * Reads only the header (configuration, seed, epochs, step, sampler state) after verifying the
   * CRC.
   *
   * @throws IOException if the file is missing, truncated, corrupt or of another format, naming the
   *     file
   */
  public static Checkpoint readHeader(Path file) throws IOException {
    verifyCrc(file);
    try (DataInputStream in = open(file)) {
      return readHeader(in, file);
    }
  }

  /**
   * Verifies the file, copies every saved parameter into {@code params} (by name) and returns the
   * header and the momentum buffers (attached to {@code manager}; the caller closes them).
   *
   * @throws IOException if the file is missing, truncated, corrupt, or does not match the
   *     parameters
   */
  public static Loaded load(Path file, Map<String, Parameter> params, NDManager manager)
      throws IOException {
    verifyCrc(file);
    try (DataInputStream in = open(file)) {
      Checkpoint header = readHeader(in, file);
      int n = in.readInt();
      if (n != params.size()) {
        throw new IOException(
            file + ": checkpoint holds " + n + " parameters, the supernet has " + params.size());
      }
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        Parameter p = params.get(name);
        if (p == null) {
          throw new IOException(
              file + ": checkpoint parameter '" + name + "' does not exist in the supernet");
        }
        try (NDArray saved = NDArray.decode(manager, readBytes(in, file))) {
          if (!saved.getShape().equals(p.getShape())) {
            throw new IOException(
                file
                    + ": parameter '"
                    + name
                    + "' has shape "
                    + saved.getShape()
                    + " in the checkpoint, "
                    + p.getShape()
                    + " in the supernet");
          }
          p.getArray().set(saved.toByteBuffer());
        }
      }
      int nb = in.readInt();
      Map<String, NDArray> buffers = new LinkedHashMap<>();
      for (int i = 0; i < nb; i++) {
        String name = in.readUTF();
        buffers.put(name, NDArray.decode(manager, readBytes(in, file)));
      }
      return new Loaded(header, buffers);
    } catch (EOFException e) {
      throw new IOException(file + ": truncated checkpoint", e);
    }
  }

  /**
   * Builds the checkpoint's supernet on {@code manager}'s device and loads its parameters (momentum
   * buffers are discarded): the trained supernet for evaluation.
   *
   * @throws IOException if the file is missing, truncated or corrupt
   */
  public static Supernet<?> loadSupernet(Path file, NDManager manager) throws IOException {
    Checkpoint header = readHeader(file);
    Supernet<?> net = header.config().newSupernet();
    net.initialize(manager);
    Loaded loaded = load(file, net.namedParameters(), manager);
    loaded.buffers().values().forEach(NDArray::close);
    return net;
  }

  /**
   * A loaded checkpoint.
   *
   * @param checkpoint the header
   * @param buffers momentum buffers by parameter name
   */
  public record Loaded(Checkpoint checkpoint, Map<String, NDArray> buffers) {}

  private static DataInputStream open(Path file) throws IOException {
    try {
      return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    } catch (NoSuchFileException e) {
      throw new IOException("checkpoint not found: " + file, e);
    }
  }

  private static void verifyCrc(Path file) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IOException("checkpoint not found: " + file, e);
    }
    if (size < 8) {
      throw new IOException(file + ": truncated checkpoint (" + size + " bytes)");
    }
    CRC32 crc = new CRC32();
    long stored;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CheckedInputStream checked = new CheckedInputStream(in, crc);
      long remaining = size - 8;
      byte[] buf = new byte[1 << 16];
      while (remaining > 0) {
        int r = checked.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (r < 0) {
          throw new IOException(file + ": truncated checkpoint");
        }
        remaining -= r;
      }
      stored = new DataInputStream(in).readLong();
    }
    if (stored != crc.getValue()) {
      throw new IOException(
          file
              + ": checkpoint CRC mismatch (stored "
              + Long.toHexString(stored)
              + ", computed "
              + Long.toHexString(crc.getValue())
              + "): corrupt or truncated");
    }
  }

  private static Checkpoint readHeader(DataInputStream in, Path file) throws IOException {
    String magic = in.readUTF();
    if (!MAGIC.equals(magic)) {
      throw new IOException(file + ": not a supernet checkpoint (magic '" + magic + "')");
    }
    int version = in.readInt();
    if (version != 1 && version != VERSION && version != CELL_VERSION) {
      throw new IOException(
          file
              + ": checkpoint version "
              + version
              + " (supported 1, "
              + VERSION
              + " and "
              + CELL_VERSION
              + ")");
    }
    try {
      SupernetConfig<?> cfg;
      if (version == CELL_VERSION) {
        CellSearchSpace space = CellSupernetConfig.cellSpace(in.readUTF());
        Method method = Method.parse(in.readUTF());
        BnStrategy strategy = BnStrategy.parse(in.readUTF());
        CellSampling sampling = CellSampling.parse(in.readUTF());
        cfg =
            new CellSupernetConfig(
                space,
                method,
                strategy,
                sampling,
                new NetworkShape(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
      } else {
        cfg =
            new S4SupernetConfig(
                Method.parse(in.readUTF()),
                BnStrategy.parse(in.readUTF()),
                in.readInt(),
                SamplerMode.parse(in.readUTF()),
                new NetworkShape(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
      }
      long seed = in.readLong();
      int epochs = in.readInt();
      long step = in.readLong();
      byte[] sampler = readBytes(in, file);
      Map<String, String> identity = new LinkedHashMap<>();
      if (version >= 2) {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
          throw new IOException(file + ": bad checkpoint header: " + n + " identity entries");
        }
        for (int i = 0; i < n; i++) {
          identity.put(in.readUTF(), in.readUTF());
        }
      }
      return new Checkpoint(cfg, seed, epochs, step, sampler, identity);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": bad checkpoint header: " + e.getMessage(), e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in, Path file) throws IOException {
    int len = in.readInt();
    if (len < 0) {
      throw new IOException(file + ": negative block length " + len);
    }
    return in.readNBytes(len);
  }
}
