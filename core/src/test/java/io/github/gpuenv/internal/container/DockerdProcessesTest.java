package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.system.FileView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerdProcessesTest {

    @TempDir
    Path root;

    private void process(String pid, String comm) throws Exception {
        Files.createDirectories(root.resolve("proc/" + pid));
        Files.writeString(root.resolve("proc/" + pid + "/comm"), comm);
    }

    @Test
    void findsADockerdAmongTheProcesses() throws Exception {
        process("1", "process_api\n");
        process("812", "dockerd\n");
        Files.createDirectories(root.resolve("proc/self"));
        assertThat(DockerdProcesses.visible(FileView.rooted(root))).isTrue();
    }

    @Test
    void noDockerdOrNoProcIsFalse() throws Exception {
        assertThat(DockerdProcesses.visible(FileView.rooted(root))).isFalse();
        process("1", "bash\n");
        process("2", "dockerd-rootless.sh\n");
        process("3", "containerd\n");
        assertThat(DockerdProcesses.visible(FileView.rooted(root))).isFalse();
    }
}
