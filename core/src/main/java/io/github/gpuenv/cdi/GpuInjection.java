package io.github.gpuenv.cdi;

import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.cdi.CdiSpecGenerator;
import io.github.gpuenv.cdi.DriverDiscovery;
import io.github.gpuenv.cdi.InjectionPlanner;
import io.github.gpuenv.cdi.NvidiaDriverFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's NVIDIA driver files, ready to give to containers without the NVIDIA Container Toolkit: as an
 * {@link InjectionPlan} (device nodes, read-only mounts, environment) for a GPU selection, or as a CDI spec that a
 * CDI-enabled engine (Docker 25+, Podman, containerd) reads from {@code /etc/cdi}.
 *
 * <pre>{@code
 * GpuInjection injection = GpuInjection.discover(DetectOptions.defaults());
 * InjectionPlan plan = injection.plan(List.of());        // all GPUs; List.of("0") or List.of("GPU-…") for some
 * String spec = injection.cdiSpecJson();                 // kind nvidia.com/gpu: devices "0", "GPU-…", "all"
 * }</pre>
 *
 * <p>Discovery reads files only (through {@link io.github.gpuenv.system.FileView} rooted at
 * {@link DetectOptions#root()}): {@code /proc/driver/nvidia}, {@code /dev/nvidia*} (or WSL2's {@code /dev/dxg} and
 * {@code /usr/lib/wsl}), the library directories of {@code LD_LIBRARY_PATH} and the usual ones, {@code PATH} for
 * the binaries, and {@code /lib/firmware}; it runs no command and takes milliseconds. Unlike detection, it throws:
 * {@link NvidiaDriverNotInstalledException} when there is nothing to inject, {@link DriverVersionMismatchException}
 * when the loaded kernel module and the libraries disagree. The result is an immutable snapshot.
 */
public final class GpuInjection {

    /** The CDI kind of the specs gpuenv writes by default (NVIDIA's): {@code nvidia.com/gpu=all} selects every GPU. */
    public static final String CDI_KIND = CdiSpecGenerator.NVIDIA_KIND;

    private final NvidiaDriverFiles files;

    private GpuInjection(NvidiaDriverFiles files) {
        this.files = files;
    }

    /**
     * Finds the driver files of the machine seen through {@code options.files()} (rooted at {@code options.root()}).
     *
     * @throws NvidiaDriverNotInstalledException when the host has no usable NVIDIA driver
     * @throws DriverVersionMismatchException when the kernel module and libraries are different versions
     */
    public static GpuInjection discover(DetectOptions options) {
        return new GpuInjection(DriverDiscovery.discover(Objects.requireNonNull(options, "options"), Optional.empty()));
    }

    /**
     * As {@link #discover(DetectOptions)}, numbering and naming the GPUs as {@code driver} (e.g. the detected NVML
     * fact) does; on WSL2, where procfs lists no GPUs, this is what lets {@link #plan} check GPU ids.
     */
    public static GpuInjection discover(DetectOptions options, NvidiaDriver driver) {
        return new GpuInjection(DriverDiscovery.discover(Objects.requireNonNull(options, "options"),
                Optional.of(Objects.requireNonNull(driver, "driver"))));
    }

    /**
     * The edits that give a container the selected GPUs.
     *
     * @param gpuIds GPU indices ({@code "0"}) or UUIDs ({@code "GPU-…"}); empty (or {@code "all"}) for every GPU
     * @throws NoSuchGpuException when an id names no GPU of this host (the message lists the ids it has)
     */
    public InjectionPlan plan(List<String> gpuIds) {
        return InjectionPlanner.plan(files, Objects.requireNonNull(gpuIds, "gpuIds"));
    }

    /** The CDI spec of kind {@value #CDI_KIND} as JSON (write it to {@code /etc/cdi/nvidia.json}). */
    public String cdiSpecJson() {
        return cdiSpecJson(CDI_KIND);
    }

    /**
     * The CDI spec under another kind ({@code vendor/class}), e.g. to keep a test spec from clashing with
     * {@code nvidia.com/gpu} devices already in the spec directory.
     *
     * @throws IllegalArgumentException when {@code kind} is not a valid CDI kind
     */
    public String cdiSpecJson(String kind) {
        return CdiSpecGenerator.json(CdiSpecGenerator.spec(files, kind));
    }

    /** The fully qualified device names of the spec, e.g. {@code nvidia.com/gpu=0}, {@code nvidia.com/gpu=all}. */
    public List<String> cdiDeviceNames() {
        List<String> names = new ArrayList<>();
        CdiSpecGenerator.spec(files, CDI_KIND).devices().forEach(d -> names.add(CDI_KIND + "=" + d.name()));
        return names;
    }

    /** The driver version, e.g. {@code "580.159.04"}; empty on WSL2 unless a known driver was given. */
    public String driverVersion() {
        return files.driverVersion();
    }

    /** Whether the GPUs are WSL2's ({@code /dev/dxg}) rather than a native driver's. */
    public boolean wsl() {
        return files.wsl();
    }

    @Override
    public String toString() {
        return "GpuInjection[driver=" + files.driverVersion() + ", wsl=" + files.wsl() + ", gpus=" + files.gpus().size()
                + ", mounts=" + files.mounts().size() + "]";
    }
}
