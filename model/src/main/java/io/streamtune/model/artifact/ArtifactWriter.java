package io.streamtune.model.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a model version folder atomically: every file goes into a temporary sibling folder (named
 * with {@value #TEMP_PREFIX}, so listings skip it), is synced to disk, and the folder is then
 * renamed into place with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see either no version or
 * a complete one; a crash leaves only a temporary folder, which {@link FileSystemModelStore} removes.
 */
public final class ArtifactWriter {

    /** Prefix of temporary folders; real version folders never start with a dot. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArtifactWriter() {}

    /**
     * Writes an artifact as a new folder.
     *
     * @param artifact what to write
     * @param target the folder to create; it must not exist, its parent is created if needed
     * @return the manifest written
     * @throws IOException if writing fails (the target then does not exist) or the target exists
     */
    public static Manifest write(ModelArtifact artifact, Path target) throws IOException {
        Map<String, ArtifactContent> contents = new LinkedHashMap<>();
        contents.put(ArtifactFiles.CONFIG, ArtifactContent.ofBytes(JSON.writeValueAsBytes(artifact.config())));
        contents.put(ArtifactFiles.WEIGHTS, artifact.weights());
        contents.put(ArtifactFiles.TOKENIZER, artifact.tokenizer());
        contents.put(ArtifactFiles.LABELS, ArtifactContent.ofBytes(JSON.writeValueAsBytes(artifact.labels())));
        contents.put(ArtifactFiles.METRICS, ArtifactContent.ofBytes(JSON.writeValueAsBytes(artifact.metrics())));
        if (artifact.lexical() != null) {
            contents.put(ArtifactFiles.LEXICAL, artifact.lexical());
        }
        return writeAtomically(target, temp -> {
            Map<String, String> sums = new LinkedHashMap<>();
            for (Map.Entry<String, ArtifactContent> entry : contents.entrySet()) {
                sums.put(entry.getKey(), writeSynced(temp.resolve(entry.getKey()), entry.getValue()));
            }
            Manifest manifest = new Manifest(
                    artifact.modelName(), artifact.version(), artifact.parentVersion(), artifact.createdTime(), sums);
            writeSynced(temp.resolve(ArtifactFiles.MANIFEST), ArtifactContent.ofBytes(manifest.toJson()));
            return manifest;
        });
    }

    /**
     * Copies a verified version folder to a new folder, atomically.
     *
     * @param source a folder that passes {@link ArtifactVerifier#verify(Path)}
     * @param target the folder to create
     * @return the manifest of the copy
     * @throws IOException if the source fails verification or copying fails
     */
    public static Manifest copy(Path source, Path target) throws IOException {
        Manifest manifest = ArtifactVerifier.verify(source);
        writeAtomically(target, temp -> {
            for (String file : manifest.files().keySet()) {
                writeSynced(temp.resolve(file), out -> Files.copy(source.resolve(file), out));
            }
            writeSynced(
                    temp.resolve(ArtifactFiles.MANIFEST),
                    out -> Files.copy(source.resolve(ArtifactFiles.MANIFEST), out));
            return manifest;
        });
        return ArtifactVerifier.verify(target);
    }

    /** Fills a folder; the folder is fresh and empty. */
    @FunctionalInterface
    interface FolderFiller<T> {
        T fill(Path folder) throws IOException;
    }

    static <T> T writeAtomically(Path target, FolderFiller<T> filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "model version folder exists");
        }
        Path temp = parent.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            T result = filler.fill(temp);
            syncDirectory(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(parent);
            LOG.info("Wrote model version folder {}", target);
            return result;
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temp);
            throw e;
        }
    }

    private static String writeSynced(Path file, ArtifactContent content) throws IOException {
        MessageDigest digest = Checksums.newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
