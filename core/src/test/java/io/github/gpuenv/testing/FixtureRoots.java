package io.github.gpuenv.testing;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Machine roots for the driver scan, built at run time under a temporary directory (git and every OS keep them
 * the same way): the H200 host from its captures, and a WSL2 host.
 *
 * <p>H200: {@code /proc} and {@code /etc} are copied from {@code fixtures/h200-linux/root}; {@code /usr/local/nvidia}
 * is re-created from the {@code ls -la} capture {@code fixtures/h200-linux/cmd/ls-usr-local-nvidia.txt} (files as
 * empty placeholders, links as the same relative links); the GSP firmware files are the two NVIDIA's spec mounted
 * ({@code fixtures/h200-toolkit/nvidia-ctk-cdi-h200.yaml}); the device nodes of {@code ls-dev-nvidia.txt} are
 * links to harmless host nodes ({@link #H200_NODE_TARGETS}).
 */
public final class FixtureRoots {

    /** The host node each H200 device node links to. */
    public static final Map<String, String> H200_NODE_TARGETS = Map.of(
            "/dev/nvidia0", "/dev/zero", "/dev/nvidiactl", "/dev/null", "/dev/nvidia-uvm", "/dev/full",
            "/dev/nvidia-uvm-tools", "/dev/urandom", "/dev/nvidia-caps/nvidia-cap1", "/dev/null",
            "/dev/nvidia-caps/nvidia-cap2", "/dev/null");

    /** The H200 host's environment (fixtures/h200-linux/cmd/env-nvidia.txt). */
    public static final Map<String, String> H200_ENV = Map.of(
            "LD_LIBRARY_PATH", "/usr/local/nvidia/lib64:/usr/local/nvidia/lib",
            "PATH", "/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private FixtureRoots() {
    }

    /** Options reading {@code root} with {@code variables} as the environment. */
    public static DetectOptions options(Path root, Map<String, String> variables) {
        return DetectOptions.builder(Environment.of(variables, new Properties())).root(root).build();
    }

    /** Where {@link #fakeDriver} puts the driver's libraries (not on the default linker path). */
    public static final String FAKE_DRIVER_LIB = "/opt/gpuenv-driver/lib64";

    /**
     * A small driver under {@code root} whose device nodes are harmless host nodes ({@code /dev/nvidia0} →
     * {@code /dev/zero}, {@code /dev/nvidiactl} → {@code /dev/null}, {@code /dev/nvidia-uvm} → {@code /dev/full}), a
     * {@code libcuda.so.1} in {@code libDir} holding the text {@code "gpuenv fake libcuda <marker>"}, and an
     * {@code nvidia-smi} script printing {@code "fake nvidia-smi <marker>"}: enough for a real engine to start a
     * container with the devices, mounts and environment gpuenv computes.
     */
    public static Path fakeDriver(Path root, String libDir, String marker) throws IOException {
        link(root, "/dev/nvidia0", "/dev/zero");
        link(root, "/dev/nvidiactl", "/dev/null");
        link(root, "/dev/nvidia-uvm", "/dev/full");
        Path lib = Files.createDirectories(at(root, libDir));
        Files.writeString(lib.resolve("libcuda.so.580.159.04"), "gpuenv fake libcuda " + marker + "\n");
        Files.createSymbolicLink(lib.resolve("libcuda.so.1"), Path.of("libcuda.so.580.159.04"));
        Path smi = Files.createDirectories(at(root, "/opt/gpuenv-driver/bin")).resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\necho fake nvidia-smi " + marker + "\n");
        Files.setPosixFilePermissions(smi, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** Builds the H200 root under {@code root}. */
    public static Path h200(Path root) {
        try {
            Fixtures.copyTo("h200-linux/root", root);
            String dir = null;
            for (String line : Fixtures.text("h200-linux/cmd/ls-usr-local-nvidia.txt").split("\n")) {
                if (line.startsWith("/") && line.endsWith(":")) {
                    dir = line.substring(0, line.length() - 1);
                    Files.createDirectories(at(root, dir));
                    continue;
                }
                String[] f = line.strip().split("\\s+");
                if (dir == null || f.length < 9 || f[8].equals(".") || f[8].equals("..")) {
                    continue;
                }
                Path target = at(root, dir + "/" + f[8]);
                if (line.startsWith("l")) {
                    Files.createSymbolicLink(target, Path.of(f[10]));
                } else if (line.startsWith("-")) {
                    Files.writeString(target, "placeholder of " + dir + "/" + f[8] + "\n");
                }
            }
            for (String gsp : new String[] {"gsp_ga10x.bin", "gsp_tu10x.bin"}) {
                Path fw = at(root, "/usr/local/nvidia/firmware/nvidia/580.159.04/" + gsp);
                Files.createDirectories(fw.getParent());
                Files.writeString(fw, "placeholder\n");
            }
            for (Map.Entry<String, String> node : H200_NODE_TARGETS.entrySet()) {
                link(root, node.getKey(), node.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a WSL2 root: {@code /dev/dxg}, the files WSL maps into {@code /usr/lib/wsl/lib} and a driver store
     * (names from NVIDIA Container Toolkit {@code driver-wsl.go} and microsoft/WSL#9938, the store's name from
     * NVIDIA/nvidia-container-toolkit#452; see /work/shared/reference/formats.md), files as placeholders.
     */
    public static Path wsl(Path root) {
        try {
            link(root, "/dev/dxg", "/dev/null");
            for (String name : new String[] {"libcuda.so", "libcuda.so.1", "libcuda.so.1.1", "libcuda_loader.so",
                    "libdxcore.so", "libnvidia-ml.so.1", "libnvidia-ml_loader.so", "libnvidia-ptxjitcompiler.so.1",
                    "libnvdxgdmal.so.1", "nvidia-smi", "libd3d12.so"}) {
                file(root, "/usr/lib/wsl/lib/" + name);
            }
            String store = "/usr/lib/wsl/drivers/nv_dispig.inf_amd64_1fea8972dc2f0a69/";
            for (String name : new String[] {"libcuda.so.1.1", "libnvidia-ml.so.1", "nvcubins.bin", "nvidia-smi"}) {
                file(root, store + name);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the links under {@code root} that point outside it (the device nodes), so that JUnit's clean-up of
     * a {@code @TempDir} has nothing to warn about; call it from {@code @AfterEach}.
     */
    public static void removeOutsideLinks(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isSymbolicLink).toList()) {
                Path target = Files.readSymbolicLink(p);
                if (target.isAbsolute() && !target.startsWith(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The real path of machine path {@code machinePath} under {@code root}. */
    public static Path at(Path root, String machinePath) {
        return root.resolve(machinePath.substring(1));
    }

    public static void link(Path root, String machinePath, String target) throws IOException {
        Path p = at(root, machinePath);
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
        Files.createSymbolicLink(p, Path.of(target));
    }

    public static void file(Path root, String machinePath) throws IOException {
        Path p = at(root, machinePath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "placeholder of " + machinePath + "\n");
    }
}
