package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.model.Image;
import io.github.gpuenv.report.DockerEngine.GpuPath;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.GpuDriverMissingException;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.RunOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The opt-in proof of a GPU path ({@code DetectOptions.dockerProbeContainer()}): a container with
 * {@code --gpus all} (plus {@code Runtime: nvidia} when registered) is created and started from an image the engine
 * already has (an {@code nvidia/cuda} one first; nothing is pulled), and always removed. The GPU hooks run when the
 * container starts, so a start that succeeds verifies the path whatever the command does.
 *
 * <p>{@code Conclusion c = GpuProbeContainer.verify(connection, staticConclusion, Duration.ofSeconds(3));}
 */
public final class GpuProbeContainer {

    private GpuProbeContainer() {
    }

    /** {@link GpuPath#VERIFIED} when the probe started; otherwise {@code fallback}'s path with why in the detail. */
    public static GpuPathResolver.Conclusion verify(EngineConnection connection, GpuPathResolver.Conclusion fallback,
                                                     Duration timeout) {
        if (connection.version().product() == io.github.gpuenv.report.DockerEngine.Product.PODMAN) {
            // Podman would start it without a GPU: a start proves nothing there (PodmanCompat)
            return new GpuPathResolver.Conclusion(fallback.gpuPath(), fallback.detail()
                    + "; probe container not run: Podman ignores --gpus requests");
        }
        Optional<String> image;
        try {
            image = localImage(connection);
        } catch (RuntimeException e) {
            return new GpuPathResolver.Conclusion(fallback.gpuPath(), fallback.detail()
                    + "; probe container not run: listing images failed (" + e.getMessage() + ")");
        }
        if (image.isEmpty()) {
            return new GpuPathResolver.Conclusion(fallback.gpuPath(), fallback.detail()
                    + "; probe container not run: the engine has no image to run it from");
        }
        RunOptions options = RunOptions.builder(image.get()).gpus(GpuRequest.all())
                .pullPolicy(PullPolicy.NEVER).timeout(timeout).maxOutputBytes(4096)
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("true")).build();
        // TOOLKIT with the engine's runtimes: the same request DockerGpu makes.
        EngineInfo info = EngineInspector.info(connection);
        io.github.gpuenv.report.DockerEngine engine = EngineInspector.engine(connection, info,
                new GpuPathResolver.Conclusion(GpuPath.NVIDIA_RUNTIME, "probe"));
        try (EngineSession session = EngineSession.open(connection::control, DaemonClock.fromSystemTime(
                info.systemTime()), io.github.gpuenv.docker.ConnectOptions.DEFAULT_LEASE)) {
            new ContainerRunner(connection, engine, io.github.gpuenv.docker.InjectionPlanner.unavailable(), session)
                    .run(options.toBuilder().attach(io.github.gpuenv.docker.Attach.TOOLKIT).build(),
                            io.github.gpuenv.docker.OutputListener.none(), io.github.gpuenv.docker.PullListener.none());
            return new GpuPathResolver.Conclusion(GpuPath.VERIFIED, "a --gpus all probe container started from "
                    + image.get() + " (" + fallback.detail() + ")");
        } catch (GpuDriverMissingException e) {
            return new GpuPathResolver.Conclusion(GpuPath.NONE, "a --gpus all probe container failed: "
                    + e.getMessage());
        } catch (DockerGpuException e) {
            return new GpuPathResolver.Conclusion(fallback.gpuPath(), fallback.detail()
                    + "; a --gpus all probe container failed: " + e.getMessage());
        }
    }

    private static Optional<String> localImage(EngineConnection connection) {
        List<Image> images = connection.control().listImagesCmd().exec();
        return images.stream()
                .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.empty()
                        : java.util.Arrays.stream(i.getRepoTags()))
                .filter(t -> !t.equals("<none>:<none>"))
                .min(Comparator.comparing((String t) -> !t.startsWith("nvidia/cuda")).thenComparing(t -> t));
    }
}
