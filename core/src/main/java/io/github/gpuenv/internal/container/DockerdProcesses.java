package io.github.gpuenv.internal.container;

import io.github.gpuenv.system.FileView;
import java.nio.charset.StandardCharsets;

/** Whether a {@code dockerd} runs in this process's PID namespace, from {@code /proc/<pid>/comm}. */
final class DockerdProcesses {

    /** The most processes looked at; a machine with more is not worth a slower detection. */
    private static final int MAX_PROCESSES = 4096;

    private DockerdProcesses() {
    }

    static boolean visible(FileView files) {
        int seen = 0;
        for (String name : files.list("/proc")) {
            if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (++seen > MAX_PROCESSES) {
                return false;
            }
            boolean dockerd = files.read("/proc/" + name + "/comm", 64)
                    .map(b -> new String(b, StandardCharsets.UTF_8).strip())
                    .filter("dockerd"::equals).isPresent();
            if (dockerd) {
                return true;
            }
        }
        return false;
    }
}
