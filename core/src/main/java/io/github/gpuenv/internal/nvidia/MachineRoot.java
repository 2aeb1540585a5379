package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.system.FileView;

/**
 * Whether probes look at the live machine or at a fixture tree. Sources that cannot be redirected to a fixture root
 * (a library on the default search path, OSHI) are only used on the live machine, so a fixture stays a fixture.
 */
final class MachineRoot {

    private MachineRoot() {
    }

    /** True when {@code files} is rooted at a filesystem root ({@code /}, {@code C:\}): the live machine. */
    static boolean isLive(FileView files) {
        return files.root().getParent() == null;
    }
}
