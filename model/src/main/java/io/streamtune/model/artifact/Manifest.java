package io.streamtune.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a model version: who it is, where it came from, and the SHA-256 of
 * every other file of its folder.
 *
 * @param modelName the model family
 * @param version the version, from 1
 * @param parentVersion the version it was fine-tuned from, or null when trained from the base
 * @param createdTime when it was written
 * @param files file name to lower-case hex SHA-256, for every file but the manifest
 */
public record Manifest(
        String modelName, long version, Long parentVersion, Instant createdTime, Map<String, String> files) {

    /** The format tag written into every manifest. */
    public static final String FORMAT = "streamtune-model-version/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates the fields and freezes the file map (sorted by name). */
    public Manifest {
        ArtifactNames.checkModelName(modelName);
        ArtifactNames.checkVersion(version);
        if (parentVersion != null && (parentVersion < 1 || parentVersion >= version)) {
            throw new IllegalArgumentException(
                    "parent version " + parentVersion + " must be in [1, " + (version - 1) + "]");
        }
        if (createdTime == null) {
            throw new IllegalArgumentException("createdTime is required");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        files.forEach(
                (file, hex) -> sorted.put(ArtifactNames.checkFileName(file), ArtifactNames.checkSha256(file, hex)));
        if (sorted.containsKey(ArtifactFiles.MANIFEST)) {
            throw new IllegalArgumentException("the manifest cannot list itself");
        }
        files = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * The manifest as UTF-8 JSON.
     *
     * @return the bytes of {@code manifest.json}
     */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("modelName", modelName);
        node.put("version", version);
        if (parentVersion == null) {
            node.putNull("parentVersion");
        } else {
            node.put("parentVersion", parentVersion);
        }
        node.put("createdTime", createdTime.toString());
        ObjectNode sums = node.putObject("sha256");
        files.forEach(sums::put);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise manifest", e);
        }
    }

    /**
     * Reads a manifest.
     *
     * @param json the bytes of {@code manifest.json}
     * @return the manifest
     * @throws IOException if the bytes are not JSON
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static Manifest parse(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !FORMAT.equals(node.path("format").asText())) {
            throw new IllegalArgumentException("not a " + FORMAT + " manifest");
        }
        JsonNode parent = node.path("parentVersion");
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("sha256").properties()) {
            files.put(entry.getKey(), entry.getValue().asText());
        }
        try {
            return new Manifest(
                    node.path("modelName").asText(null),
                    node.path("version").asLong(0),
                    parent.isIntegralNumber() ? parent.asLong() : null,
                    Instant.parse(node.path("createdTime").asText("")),
                    files);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid createdTime: " + e.getMessage(), e);
        }
    }
}
