package io.github.gpuenv.docker.internal;

import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.system.FileView;
import java.util.List;
import java.util.Objects;

/**
 * Concludes how an engine can serve a GPU request from its {@code /info}, without starting anything: an
 * {@code nvidia} runtime; NVIDIA CDI devices the engine discovered; or, for an engine on this machine with CDI
 * spec directories, an {@code nvidia.com/gpu} spec in them. ({@link GpuPath#VERIFIED} comes only from a probe
 * container, see {@code GpuProbeContainer}.) Podman serves GPUs only as CDI devices ({@link PodmanCompat}): its path is
 * {@link GpuPath#CDI} when an {@code nvidia.com/gpu} spec is in the directories it reads, whatever runtimes it lists.
 *
 * <p>{@code Conclusion c = GpuPathResolver.resolve(version, info, files, true);}
 */
public final class GpuPathResolver {

    private GpuPathResolver() {
    }

    /**
     * @param version the engine's {@code /version} (Docker or Podman, and which release)
     * @param info the engine's {@code /info}
     * @param files this machine's files (for CDI spec directories)
     * @param engineSharesFiles whether the engine reads this machine's filesystem (local unix socket, not Desktop)
     */
    public static Conclusion resolve(EngineVersion version, EngineInfo info, FileView files,
                                     boolean engineSharesFiles) {
        if (version.product() == DockerEngine.Product.PODMAN) {
            return podman(version.version(), files, engineSharesFiles);
        }
        if (info.hasNvidiaRuntime()) {
            return new Conclusion(GpuPath.NVIDIA_RUNTIME, "runtime \"nvidia\" is registered (runtimes: "
                    + String.join(", ", info.runtimes()) + "; default " + info.defaultRuntime() + ")");
        }
        List<String> nvidiaDevices = info.discoveredDevices().stream()
                .filter(d -> d.startsWith("nvidia.com/gpu=")).toList();
        if (!nvidiaDevices.isEmpty()) {
            return new Conclusion(GpuPath.CDI, "the engine discovered CDI devices " + String.join(", ", nvidiaDevices));
        }
        if (!info.cdiSpecDirs().isEmpty() && engineSharesFiles) {
            List<String> specs = CdiSpecScanner.nvidiaGpuSpecs(files, info.cdiSpecDirs());
            if (!specs.isEmpty()) {
                return new Conclusion(GpuPath.CDI, "CDI is on and " + String.join(", ", specs)
                        + " defines nvidia.com/gpu devices");
            }
            return new Conclusion(GpuPath.NONE, "no nvidia runtime; CDI is on but no nvidia.com/gpu spec in "
                    + String.join(", ", info.cdiSpecDirs()) + " (generate one: `nvidia-ctk cdi generate`"
                    + " or `gpuenv cdi generate`)");
        }
        if (!info.cdiSpecDirs().isEmpty()) {
            return new Conclusion(GpuPath.NONE, "no nvidia runtime and no discovered NVIDIA CDI devices; the CDI"
                    + " spec directories " + String.join(", ", info.cdiSpecDirs())
                    + " are on the engine's host and were not read");
        }
        return new Conclusion(GpuPath.NONE, "no nvidia runtime (runtimes: " + String.join(", ", info.runtimes())
                + ") and CDI is off; a --gpus request needs the NVIDIA Container Toolkit's hook on dockerd's PATH,"
                + " which /info does not show (an opt-in probe container can verify it)");
    }

    private static Conclusion podman(String version, FileView files, boolean engineSharesFiles) {
        String dirs = String.join(", ", PodmanCompat.CDI_SPEC_DIRS);
        if (!PodmanCompat.honoursCdiRequests(version)) {
            return new Conclusion(GpuPath.NONE, "Podman " + version + " ignores every device request of its"
                    + " Docker-compatible API, --gpus and CDI alike (CDI ones are honoured from Podman 5.4)");
        }
        if (!engineSharesFiles) {
            return new Conclusion(GpuPath.NONE, "Podman ignores --gpus and serves GPUs only as CDI devices; its CDI"
                    + " spec directories (" + dirs + ") are on the engine's host and were not read");
        }
        List<String> specs = CdiSpecScanner.nvidiaGpuSpecs(files, PodmanCompat.CDI_SPEC_DIRS);
        if (!specs.isEmpty()) {
            return new Conclusion(GpuPath.CDI, "Podman serves CDI devices and " + String.join(", ", specs)
                    + " defines nvidia.com/gpu devices (it ignores --gpus)");
        }
        return new Conclusion(GpuPath.NONE, "Podman ignores --gpus and serves GPUs only as CDI devices, and no"
                + " nvidia.com/gpu spec is in " + dirs + " (generate one: `nvidia-ctk cdi generate` or `gpuenv cdi"
                + " generate`)");
    }

    /**
     * A conclusion and what it rests on.
     *
     * @param gpuPath the path
     * @param detail what it was concluded from
     */
    public record Conclusion(GpuPath gpuPath, String detail) {
        public Conclusion {
            Objects.requireNonNull(gpuPath, "gpuPath");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
