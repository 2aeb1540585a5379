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
        assertThat(files.resolve("/../../etc/passwd").startsWith(root)).isTrue();
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

    /** A hostile capture: every kind of link that leaves the root on a plain {@code Path.resolve}. */
    @Test
    void symlinksAreResolvedInsideTheRoot(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "host secret\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/absolute"), secret.toAbsolutePath());
        Path inside = root.resolve(secret.toAbsolutePath().toString().substring(1));
        Files.createDirectories(inside.getParent());
        Files.writeString(inside, "the root's own file\n");
        String climb = "../".repeat(root.getNameCount() + 4) + secret.toAbsolutePath().toString().substring(1);
        Files.createSymbolicLink(root.resolve("etc/climbing"), Path.of(climb));
        Files.createSymbolicLink(root.resolve("etc/passwd-link"), Path.of("/etc/passwd"));
        Files.createDirectories(root.resolve("usr"));
        Files.createSymbolicLink(root.resolve("usr/lib"), outside.toAbsolutePath());
        Files.createSymbolicLink(root.resolve("usr/share"), Path.of("/etc"));
        FileView files = FileView.rooted(root);

        assertThat(files.readString("/etc/absolute")).contains("the root's own file\n");
        assertThat(files.readString("/etc/climbing")).contains("the root's own file\n");
        assertThat(files.readString("/etc/passwd-link")).as("/etc/passwd of the root, which has none").isEmpty();
        // usr/lib links to the outside directory's path: inside the root, that is the root's own copy of it
        assertThat(files.isDirectory("/usr/lib")).isTrue();
        assertThat(files.list("/usr/share")).as("/etc of the root, not the host's")
                .containsExactly("absolute", "climbing", "passwd-link");
        assertThat(files.readString("/usr/lib/secret.txt")).contains("the root's own file\n");
        assertThat(files.resolve("/usr/lib/secret.txt").startsWith(root)).isTrue();
        assertThat(files.realPath("/etc/absolute")).contains(inside);
        assertThat(files.realPath("/etc/passwd-link")).isEmpty();
    }

    @Test
    void relativeLinksInsideTheRootStillWork() throws Exception {
        Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
        Files.writeString(root.resolve("usr/lib/x86_64-linux-gnu/libcuda.so.580.159.04"), "elf");
        Files.createSymbolicLink(root.resolve("usr/lib/x86_64-linux-gnu/libcuda.so.1"),
                Path.of("libcuda.so.580.159.04"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        FileView files = FileView.rooted(root);

        assertThat(files.readString("/lib/x86_64-linux-gnu/libcuda.so.1")).contains("elf");
        assertThat(files.isDirectory("/lib/x86_64-linux-gnu")).isTrue();
        assertThat(files.list("/lib/x86_64-linux-gnu")).containsExactly("libcuda.so.1", "libcuda.so.580.159.04");
        assertThat(files.realPath("/lib/x86_64-linux-gnu/libcuda.so.1"))
                .contains(root.resolve("usr/lib/x86_64-linux-gnu/libcuda.so.580.159.04"));
    }

    @Test
    void symlinkLoopsEndInNothingAndQuickly() throws Exception {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));
        Files.createSymbolicLink(root.resolve("self"), Path.of("self/x"));
        FileView files = FileView.rooted(root);

        assertThat(files.readString("/a")).isEmpty();
        assertThat(files.readString("/self/x/y")).isEmpty();
        assertThat(files.list("/a")).isEmpty();
        assertThat(files.exists("/a")).as("the link itself is there").isTrue();
        assertThat(files.realPath("/a")).isEmpty();
        assertThat(files.resolve("/a/b/c").startsWith(root)).isTrue();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aFifoInARootReadsAsNothingInsteadOfHanging() throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        CommandResult mkfifo = CommandRunner.system().run(java.util.List.of("mkfifo",
                root.resolve("proc/self/mountinfo").toString()), java.time.Duration.ofSeconds(10));
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.succeeded(), "mkfifo: " + mkfifo.summary());

        assertThat(FileView.rooted(root).read("/proc/self/mountinfo", 1024)).isEmpty();
        assertThat(FileView.rooted(root).exists("/proc/self/mountinfo")).isTrue();
    }
}
