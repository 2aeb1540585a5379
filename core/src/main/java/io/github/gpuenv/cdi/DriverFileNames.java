package io.github.gpuenv.cdi;

import java.util.List;
import java.util.Set;

/**
 * The names and places of the NVIDIA driver's user-space files, in one place. The library list is the one
 * {@code nvidia-ctk cdi generate} mounted on the H200 host ({@code fixtures/h200-toolkit/nvidia-ctk-cdi-h200.yaml})
 * plus the few it looks for that that driver does not ship; each is mounted when {@code <name>.so.<driver version>}
 * exists.
 */
final class DriverFileNames {

    private DriverFileNames() {
    }

    /** Library base names (without {@code .so.<version>}); compute first, then graphics, video and the rest. */
    static final List<String> LIBRARIES = List.of(
            "libcuda", "libnvidia-ml", "libnvidia-ptxjitcompiler", "libnvidia-nvvm", "libnvidia-gpucomp",
            "libcudadebugger", "libnvidia-cfg", "libnvidia-allocator", "libnvidia-pkcs11", "libnvidia-pkcs11-openssl3",
            "libnvidia-opencl", "libnvidia-tls", "libnvidia-glcore", "libnvidia-glsi", "libnvidia-glvkspirv",
            "libnvidia-eglcore", "libnvidia-rtcore", "libnvoptix", "libEGL_nvidia", "libGLESv1_CM_nvidia",
            "libGLESv2_nvidia", "libGLX_nvidia", "libnvcuvid", "libnvidia-encode", "libnvidia-fbc",
            "libnvidia-opticalflow", "libvdpau_nvidia", "libnvidia-ngx", "libnvidia-sandboxutils");

    /** Driver binaries, mounted at {@code /usr/bin/<name>} in the container. */
    static final List<String> BINARIES = List.of(
            "nvidia-smi", "nvidia-debugdump", "nvidia-persistenced", "nvidia-cuda-mps-control", "nvidia-cuda-mps-server");

    /**
     * Library directories searched after those in {@code LD_LIBRARY_PATH}; last {@code /usr/local/nvidia}, where
     * Kubernetes driver installers and the H200 host put the driver, so that {@code sudo} (which drops
     * {@code LD_LIBRARY_PATH}) still finds it there.
     */
    static final List<String> LIBRARY_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/local/nvidia/lib64", "/usr/local/nvidia/lib");

    /** Binary directories searched after those in {@code PATH} (the driver's own {@code bin} is added too). */
    static final List<String> BINARY_DIRS = List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/nvidia/bin");

    /** Firmware roots; {@code nvidia/<version>/gsp*.bin} under them ({@code <driver root>/firmware} is added). */
    static final List<String> FIRMWARE_DIRS = List.of("/lib/firmware", "/usr/lib/firmware");

    /** Control device nodes, mounted when present. */
    static final List<String> CONTROL_NODES = List.of(
            "/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia-modeset");

    /** WSL2: the GPU paravirtualisation node, the mapped Windows driver libraries, and the driver store. */
    static final String WSL_DEVICE = "/dev/dxg";
    static final String WSL_LIB_DIR = "/usr/lib/wsl/lib";
    static final String WSL_DRIVERS_DIR = "/usr/lib/wsl/drivers";
    static final List<String> WSL_LIBRARY_GLOBS = List.of(
            "libcuda.so*", "libcuda_loader.so", "libnvidia-ml.so.1", "libnvidia-ml_loader.so", "libdxcore.so",
            "libnvidia-ptxjitcompiler.so.1", "libnvdxgdmal.so.1");
}
