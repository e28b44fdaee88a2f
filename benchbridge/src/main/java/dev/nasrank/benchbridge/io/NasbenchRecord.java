package dev.nasrank.benchbridge.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One NAS-Bench-101 record: one training run of one cell at one epoch budget. The payload is the
 * UTF-8 JSON array {@code ["<hash>", <epochs>, "<adjacency 0/1>", "<op,op,...>", "<base64
 * ModelMetrics>"]}, the base64 text broken every 76 characters by newlines (JSON-escaped), exactly
 * as the reference files store it.
 *
 * @param moduleHash 32 lowercase hex characters
 * @param epochs training budget (4, 12, 36 or 108 in the reference data)
 * @param adjacency row-major '0'/'1' string of the pruned V x V matrix
 * @param operations V operation names joined by ','
 * @param metrics the evaluations of the run ([0] epoch 0, [1] halfway, [2] final)
 */
public record NasbenchRecord(
    String moduleHash, int epochs, String adjacency, String operations, ModelMetrics metrics) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LINE = 76;

  /** A record for a spec. */
  public static NasbenchRecord of(ModelSpec spec, int epochs, ModelMetrics metrics) {
    return new NasbenchRecord(
        spec.hash(), epochs, spec.adjacencyString(), spec.operationsString(), metrics);
  }

  /** The payload bytes as the reference files store them. */
  public byte[] toPayload() {
    String b64 = Base64.getEncoder().encodeToString(metrics.toByteArray());
    StringBuilder sb =
        new StringBuilder(64 + adjacency.length() + operations.length() + b64.length() * 21 / 20);
    sb.append("[\"")
        .append(moduleHash)
        .append("\", ")
        .append(epochs)
        .append(", \"")
        .append(adjacency)
        .append("\", \"")
        .append(operations)
        .append("\", \"");
    for (int i = 0; i < b64.length(); i += LINE) {
      sb.append(b64, i, Math.min(b64.length(), i + LINE)).append("\\n");
    }
    sb.append("\"]");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a payload.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static NasbenchRecord fromPayload(byte[] data) {
    JsonNode a;
    try {
      a = JSON.readTree(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("record payload is not JSON: " + e.getMessage(), e);
    }
    if (a == null
        || !a.isArray()
        || a.size() != 5
        || !a.get(0).isTextual()
        || !a.get(1).isInt()
        || !a.get(2).isTextual()
        || !a.get(3).isTextual()
        || !a.get(4).isTextual()) {
      throw new IllegalArgumentException(
          "record payload is not [hash, epochs, adjacency, operations, metrics]");
    }
    byte[] proto;
    try {
      proto = Base64.getMimeDecoder().decode(a.get(4).asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("record metrics are not base64: " + e.getMessage(), e);
    }
    ModelMetrics m;
    try {
      m = ModelMetrics.parseFrom(proto);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "record metrics are not a ModelMetrics message: " + e.getMessage(), e);
    }
    return new NasbenchRecord(
        a.get(0).asText(), a.get(1).asInt(), a.get(2).asText(), a.get(3).asText(), m);
  }

  /** The record's cell, validated and pruned. */
  public ModelSpec spec() {
    return ModelSpec.parse(adjacency, operations);
  }
}
