package io.streamtune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedRegistriesTest {

    @Test
    void shouldRemoveTheFolderOfARegistryWhoseProcessIsGone(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(OrphanedRegistries.PREFIX + "1/run"));
        Files.writeString(dir.resolve("registry.pid"), Long.toString(deadPid()));

        OrphanedRegistries.reap(tmp);

        assertThat(tmp.resolve(OrphanedRegistries.PREFIX + "1")).doesNotExist();
    }

    @Test
    void shouldLeaveAFreshFolderWithoutPidFileToTheJvmThatIsFillingIt(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(OrphanedRegistries.PREFIX + "2"));

        OrphanedRegistries.reap(tmp);

        assertThat(dir).exists();
    }

    @Test
    void shouldLeaveARegistryWhoseTestJvmIsAlive(@TempDir Path tmp) throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        Path dir = Files.createDirectories(tmp.resolve(OrphanedRegistries.PREFIX + "3/run"));
        Files.writeString(dir.resolve("registry.pid"), Long.toString(child.pid()));

        OrphanedRegistries.reap(tmp);

        assertThat(dir).exists();
        assertThat(child.isAlive()).isTrue();
        child.destroy();
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
