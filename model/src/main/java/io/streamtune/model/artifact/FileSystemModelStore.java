package io.streamtune.model.artifact;

import io.streamtune.model.artifact.ArtifactVerificationException.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ModelStore} on a local or mounted file system: {@code <root>/<model name>/<version>/}.
 *
 * <p>Model names and versions are validated to be single path segments and every resolved path is
 * checked to stay under the root, so no name can reach outside it; an announced location (a record's artifact
 * URI) must name the version's own folder (see {@link ArtifactLocation}). Temporary folders of interrupted
 * writes (prefix {@value ArtifactWriter#TEMP_PREFIX}) are never listed and are deleted when the
 * store opens once they are older than the leftover age (so that a write in progress in another
 * process is left alone).
 *
 * <p>The root is created when the store opens, never afterwards: if it vanishes later (an unmounted volume, a
 * moved folder) or is replaced by another, empty folder (the mount point left by an unmounted volume), every read,
 * listing and write fails with a {@link StoreUnavailableException} instead of listing no versions or writing into
 * a new, empty store. The same folder coming back (moved back) makes the store work again; another folder that is
 * not empty (a volume mounted, or mounted again) is taken as the store from then on.
 */
public final class FileSystemModelStore implements ModelStore {

    /** Configuration key of the root folder. */
    public static final String ROOT_CONFIG = "model.store.root";

    /** Configuration key of the age, in milliseconds, after which temporary folders are deleted. */
    public static final String LEFTOVER_AGE_CONFIG = "model.store.leftover.age.ms";

    /** The default leftover age: one hour. */
    public static final Duration DEFAULT_LEFTOVER_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemModelStore.class);
    private static final Pattern VERSION_FOLDER = Pattern.compile("[1-9][0-9]{0,18}");

    private final Path root;
    private volatile Object rootKey;

    /**
     * Opens a store, creating the root if needed, with the default leftover age.
     *
     * @param root the root folder
     * @throws IOException if the root cannot be created or read
     */
    public FileSystemModelStore(Path root) throws IOException {
        this(root, DEFAULT_LEFTOVER_AGE);
    }

    /**
     * Opens a store, creating the root if needed, and deletes temporary folders older than the given
     * age.
     *
     * @param root the root folder
     * @param leftoverAge the age after which a temporary folder counts as abandoned
     * @throws IOException if the root cannot be created or read
     */
    public FileSystemModelStore(Path root, Duration leftoverAge) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
        this.rootKey = rootAttributes().fileKey();
        int removed = cleanLeftovers(leftoverAge);
        LOG.info("Opened model store {}, removed {} abandoned temporary folders", this.root, removed);
    }

    /**
     * Opens a store from configuration: {@value #ROOT_CONFIG} (required) and {@value
     * #LEFTOVER_AGE_CONFIG} (optional).
     *
     * @param config the configuration
     * @return the store
     * @throws IllegalArgumentException naming the key that is missing or invalid
     * @throws IOException if the root cannot be created or read
     */
    public static FileSystemModelStore fromConfig(Map<String, String> config) throws IOException {
        String root = config.get(ROOT_CONFIG);
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("missing configuration " + ROOT_CONFIG);
        }
        Duration age = DEFAULT_LEFTOVER_AGE;
        String ageValue = config.get(LEFTOVER_AGE_CONFIG);
        if (ageValue != null) {
            try {
                age = Duration.ofMillis(Long.parseLong(ageValue.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(LEFTOVER_AGE_CONFIG + " must be milliseconds, was " + ageValue, e);
            }
        }
        return new FileSystemModelStore(Path.of(root), age);
    }

    /**
     * The root folder.
     *
     * @return its real path
     */
    public Path root() {
        return root;
    }

    @Override
    public StoredVersion put(ModelArtifact artifact) throws IOException {
        Path target = folderOf(artifact.modelName(), artifact.version());
        createModelFolder(target.getParent());
        ArtifactWriter.write(artifact, target);
        return resolve(artifact.modelName(), artifact.version());
    }

    @Override
    public StoredVersion put(Path folder) throws IOException {
        Manifest manifest = ArtifactVerifier.verify(folder);
        Path target = folderOf(manifest.modelName(), manifest.version());
        createModelFolder(target.getParent());
        ArtifactWriter.copy(folder, target);
        return resolve(manifest.modelName(), manifest.version());
    }

    @Override
    public StoredVersion resolve(String modelName, long version) throws IOException {
        Path folder = folderOf(modelName, version);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(folder.toString(), null, "no version " + version + " of " + modelName);
        }
        Manifest manifest = ArtifactVerifier.verify(folder);
        if (!manifest.modelName().equals(modelName) || manifest.version() != version) {
            throw new ArtifactVerificationException(
                    folder,
                    ArtifactFiles.MANIFEST,
                    Problem.BAD_MANIFEST,
                    "describes " + manifest.modelName() + " version " + manifest.version());
        }
        String sha = Checksums.sha256(folder.resolve(ArtifactFiles.MANIFEST));
        return new StoredVersion(folder, manifest, sha);
    }

    @Override
    public StoredVersion resolveAnnounced(String modelName, long version, String location) throws IOException {
        ArtifactLocation.check(root, folderOf(modelName, version), location);
        return resolve(modelName, version);
    }

    @Override
    public List<Long> versions(String modelName) throws IOException {
        checkRoot();
        Path modelFolder = modelFolder(modelName);
        List<Long> versions = new ArrayList<>();
        if (!Files.isDirectory(modelFolder, LinkOption.NOFOLLOW_LINKS)) {
            return versions;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modelFolder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (VERSION_FOLDER.matcher(name).matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    versions.add(Long.parseLong(name));
                }
            }
        }
        versions.sort(null);
        return versions;
    }

    /**
     * The names of the models with at least a folder in the store.
     *
     * @return the names, sorted
     * @throws IOException if listing fails
     */
    public List<String> modelNames() throws IOException {
        checkRoot();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private Path modelFolder(String modelName) {
        Path folder = root.resolve(ArtifactNames.checkModelName(modelName)).normalize();
        if (!folder.getParent().equals(root)) {
            throw new IllegalArgumentException("model name " + modelName + " leaves the store root");
        }
        return folder;
    }

    /**
     * Fails unless the root is still a usable folder: the one the store opened, or another one with content.
     *
     * @throws StoreUnavailableException if it is gone, no longer a folder, or another, empty folder
     */
    private void checkRoot() throws IOException {
        BasicFileAttributes now = rootAttributes();
        if (!now.isDirectory()) {
            throw new StoreUnavailableException(root, "is no longer a folder");
        }
        Object key = now.fileKey();
        if (key == null || key.equals(rootKey)) {
            return;
        }
        if (isEmpty(root)) {
            throw new StoreUnavailableException(
                    root, "is an empty folder, not the one the store opened (volume unmounted?)");
        }
        LOG.warn("Model store root {} is another folder than the one opened (volume mounted again?); using it", root);
        rootKey = key;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private BasicFileAttributes rootAttributes() throws IOException {
        try {
            return Files.readAttributes(root, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new StoreUnavailableException(root, "is gone (volume unmounted or folder moved?)");
        }
    }

    /** Creates the model folder if needed, but never the root: a vanished root makes this fail. */
    private static void createModelFolder(Path modelFolder) throws IOException {
        try {
            Files.createDirectory(modelFolder);
        } catch (FileAlreadyExistsException e) {
            // the model has versions already
        }
    }

    /** The folder of a version, after checking the root (every read and write goes through here). */
    private Path folderOf(String modelName, long version) throws IOException {
        checkRoot();
        Path modelFolder = modelFolder(modelName);
        if (Files.isSymbolicLink(modelFolder)) {
            throw new ArtifactVerificationException(
                    root,
                    String.valueOf(modelFolder.getFileName()),
                    Problem.SYMBOLIC_LINK,
                    "the model folder is a symbolic link; refusing to follow it");
        }
        return modelFolder.resolve(Long.toString(ArtifactNames.checkVersion(version)));
    }

    private int cleanLeftovers(Duration leftoverAge) throws IOException {
        Instant cutoff = Instant.now().minus(leftoverAge);
        int removed = 0;
        try (DirectoryStream<Path> models = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path model : models) {
                removed += cleanLeftovers(model, cutoff);
            }
        }
        return removed;
    }

    private static int cleanLeftovers(Path modelFolder, Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modelFolder, ArtifactWriter.TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                        .toInstant()
                        .isBefore(cutoff)) {
                    LOG.warn("Deleting abandoned temporary model folder {}", entry);
                    FileTrees.delete(entry);
                    removed++;
                }
            }
        }
        return removed;
    }
}
