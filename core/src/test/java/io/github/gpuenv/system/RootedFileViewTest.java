package io.github.gpuenv.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootedFileViewTest {

    @TempDir
    Path root;

    @Test
    void machinePathsResolveUnderTheRootAndCannotEscapeIt() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\n");
        FileView files = FileView.rooted(root);

        assertThat(files.readString("/etc/os-release")).contains("ID=debian\n");
        assertThat(files.resolve("/../../etc/passwd")).startsWith(root);
        assertThat(files.readString("/../../etc/passwd")).isEmpty();
    }

    @Test
    void missingFilesAreEmptyNotErrors() {
        FileView files = FileView.rooted(root);
        assertThat(files.readString("/proc/driver/nvidia/version")).isEmpty();
        assertThat(files.exists("/dev/dxg")).isFalse();
        assertThat(files.list("/etc/cdi")).isEmpty();
        assertThat(files.read("/", 10)).isEmpty();
    }

    @Test
    void readsAreBounded() throws Exception {
        Files.write(root.resolve("big"), new byte[5_000_000]);
        assertThat(FileView.rooted(root).read("/big", 1024)).hasValueSatisfying(b -> assertThat(b).hasSize(1024));
    }

    @Test
    void listIsSortedAndDanglingLinksExist() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.createSymbolicLink(root.resolve("dev/nvidia1"), root.resolve("nowhere"));
        Files.writeString(root.resolve("dev/nvidia0"), "");
        FileView files = FileView.rooted(root);
        assertThat(files.list("/dev")).containsExactly("nvidia0", "nvidia1");
        assertThat(files.exists("/dev/nvidia1")).isTrue();
    }
}
