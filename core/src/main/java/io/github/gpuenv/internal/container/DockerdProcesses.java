package io.github.gpuenv.internal.container;

import io.github.gpuenv.system.FileView;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Whether a {@code dockerd} runs in this process's PID namespace, from {@code /proc/<pid>/comm}. Other processes'
 * names are private: a capture keeps only the {@code comm} files that name {@code dockerd} ({@link #recordable}),
 * which replay to the same answer.
 */
public final class DockerdProcesses {

    /** The most processes looked at; a machine with more is not worth a slower detection. */
    private static final int MAX_PROCESSES = 4096;
    private static final Pattern COMM = Pattern.compile("/proc/[0-9]+/comm");

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
            if (files.read("/proc/" + name + "/comm", 64).filter(DockerdProcesses::namesDockerd).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a capture may keep what was read at {@code machinePath}: anything but another process's
     * {@code comm} that does not name {@code dockerd}.
     */
    public static boolean recordable(String machinePath, byte[] content) {
        return !COMM.matcher(machinePath).matches() || namesDockerd(content);
    }

    private static boolean namesDockerd(byte[] comm) {
        return new String(comm, StandardCharsets.UTF_8).strip().equals("dockerd");
    }
}
