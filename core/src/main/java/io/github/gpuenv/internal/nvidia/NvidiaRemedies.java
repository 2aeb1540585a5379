package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.WslEnvironment;

/** The fixes the NVIDIA checks give, by cause and by where gpuenv runs (Linux, WSL, Windows). */
final class NvidiaRemedies {

    static final String WSL_GUIDE = "https://docs.nvidia.com/cuda/wsl-user-guide/";
    static final String LINUX_GUIDE = "https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/";
    static final String WINDOWS_DOWNLOAD = "https://www.nvidia.com/Download/index.aspx";

    private NvidiaRemedies() {
    }

    /** Where gpuenv runs, as far as the facts tell. */
    enum Place { LINUX, WSL, WINDOWS, OTHER }

    static Place place(FactSet facts) {
        if (facts.wsl().map(WslEnvironment::inside).orElse(false)) {
            return Place.WSL;
        }
        OsFamily family = facts.os().map(OperatingSystem::family).orElse(OsFamily.LINUX);
        return switch (family) {
            case LINUX -> Place.LINUX;
            case WINDOWS -> Place.WINDOWS;
            default -> Place.OTHER;
        };
    }

    /** No driver found. */
    static String installDriver(Place place) {
        return switch (place) {
            case WSL -> "Install the NVIDIA driver for Windows on the Windows host (it provides"
                    + " /usr/lib/wsl/lib/libnvidia-ml.so.1 and nvidia-smi inside WSL); never install a Linux NVIDIA"
                    + " driver inside WSL. See " + WSL_GUIDE;
            case WINDOWS -> "Install the NVIDIA driver for Windows: " + WINDOWS_DOWNLOAD;
            case LINUX -> "Install the NVIDIA driver (Ubuntu: sudo ubuntu-drivers install; others: " + LINUX_GUIDE
                    + "), then reboot";
            case OTHER -> "CUDA containers need Linux, or Windows with WSL 2, and an NVIDIA GPU";
        };
    }

    /** NVML_ERROR_DRIVER_NOT_LOADED (D14). */
    static String loadDriver(Place place) {
        if (place == Place.WSL) {
            return "Update the NVIDIA driver on Windows, then run 'wsl --shutdown' in Windows and reopen the"
                    + " distribution. See " + WSL_GUIDE;
        }
        return "Load the kernel module: sudo modprobe nvidia (or reboot). If that fails, 'sudo dmesg | grep -i nvidia'"
                + " says why (Secure Boot blocks an unsigned module: enroll its key or sign it)";
    }

    /** NVML_ERROR_LIB_RM_VERSION_MISMATCH (and D16 inside WSL). */
    static String versionMismatch(Place place) {
        if (place == Place.WSL) {
            return "A Linux NVIDIA library inside WSL does not match the Windows driver: remove Linux NVIDIA driver"
                    + " packages from the distribution (they shadow /usr/lib/wsl/lib; check 'ldconfig -p | grep"
                    + " libnvidia-ml'), then run 'wsl --shutdown'. See " + WSL_GUIDE;
        }
        return "Reboot: the NVIDIA driver was updated but the old kernel module is still loaded (or reload it: sudo"
                + " rmmod nvidia_uvm nvidia_drm nvidia_modeset nvidia && sudo modprobe nvidia)";
    }

    /** NVML_ERROR_NO_PERMISSION (D13), or WSL's "GPU access blocked by the operating system" (D5). */
    static String permission(String detail) {
        if (detail.contains("blocked by the operating system")) {
            return "WSL can use the GPU only in WDDM mode: on Windows switch it from TCC to WDDM where the GPU"
                    + " supports it (nvidia-smi -i <id> -dm 0, then reboot; datacenter GPUs such as H100 PCIe cannot);"
                    + " remove any Linux NVIDIA driver installed inside WSL; in containers set 'no-cgroups = false' in"
                    + " /etc/nvidia-container-runtime/config.toml. See " + WSL_GUIDE;
        }
        return "Check the device nodes: ls -l /dev/nvidia*; the driver creates them readable and writable by all"
                + " (crw-rw-rw-). Restore with 'sudo chmod 0666 /dev/nvidia*' (or reboot) and undo what restricted"
                + " them (e.g. a VirtualGL setup)";
    }

    /** A probe ran out of time (D12). */
    static String timedOut() {
        return "Enable persistence mode so the driver stays initialised (sudo nvidia-smi -pm 1, or run"
                + " nvidia-persistenced), or raise the probe timeout (gpuenv.probe-timeout / GPUENV_PROBE_TIMEOUT)";
    }

    /** Anything else: let the driver's own tool speak. */
    static String runNvidiaSmi() {
        return "Run nvidia-smi to see the driver's own error; if it works, report this with 'gpuenv capture'";
    }

    /** A GPU listed but not readable (lost, fallen off the bus, needs reset). */
    static String gpuError() {
        return "Run 'nvidia-smi -q' and 'sudo dmesg | grep -i xid'; a lost GPU needs a reset (sudo nvidia-smi -r -i"
                + " <index>) or a reboot";
    }
}
