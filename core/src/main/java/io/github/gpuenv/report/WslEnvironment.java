package io.github.gpuenv.report;

import io.github.gpuenv.internal.Absent;
import java.util.List;
import java.util.Objects;

/**
 * WSL as seen from inside a Linux distribution.
 *
 * @param inside whether this process runs inside WSL
 * @param version 1 or 2; null when not inside
 * @param kernel the kernel release, e.g. {@code "5.15.153.1-microsoft-standard-WSL2"}; null when not inside
 * @param distro {@code WSL_DISTRO_NAME}; null when unset
 * @param gpuParavirtualization whether GPU paravirtualization is present ({@code /dev/dxg} and {@code libdxcore.so})
 * @param dxgDevice whether {@code /dev/dxg} exists
 * @param wslLibraries the NVIDIA/DirectX libraries found in {@code /usr/lib/wsl/lib}
 * @param shadowingLibraries Linux copies of {@code libcuda}/{@code libnvidia-ml} that are found before
 *     {@code /usr/lib/wsl/lib} (empty when none: the healthy state)
 * @param ldconfigRead whether {@code ldconfig -p} could be run and read; when false, {@code shadowingLibraries}
 *     comes from looking for the files in the usual Linux library directories only
 */
public record WslEnvironment(boolean inside, Integer version, String kernel, String distro,
                             boolean gpuParavirtualization, boolean dxgDevice, List<String> wslLibraries,
                             List<String> shadowingLibraries, boolean ldconfigRead) {
    public WslEnvironment {
        kernel = Absent.text(kernel);
        distro = Absent.text(distro);
        wslLibraries = List.copyOf(wslLibraries);
        shadowingLibraries = List.copyOf(shadowingLibraries);
    }

    /** Without {@code ldconfigRead} (false: shadowing from the file search only). */
    public WslEnvironment(boolean inside, Integer version, String kernel, String distro,
                          boolean gpuParavirtualization, boolean dxgDevice, List<String> wslLibraries,
                          List<String> shadowingLibraries) {
        this(inside, version, kernel, distro, gpuParavirtualization, dxgDevice, wslLibraries, shadowingLibraries,
                false);
    }

    /** Not inside WSL. */
    public static WslEnvironment outside() {
        return new WslEnvironment(false, null, null, null, false, false, List.of(), List.of(), false);
    }
}
