package io.github.gpuenv.docker.internal;

import java.util.List;
import java.util.Objects;

/**
 * The parts of {@code GET /info} gpuenv uses, including the fields docker-java's {@code Info} model drops
 * ({@code CDISpecDirs}, {@code DiscoveredDevices}).
 *
 * @param serverVersion e.g. {@code "20.10.24+dfsg1"}
 * @param osType {@code "linux"} or {@code "windows"}
 * @param operatingSystem e.g. {@code "Debian GNU/Linux 12 (bookworm)"}, {@code "Docker Desktop"}
 * @param kernelVersion the engine host's kernel
 * @param securityOptions e.g. {@code ["name=seccomp,profile=builtin", "name=rootless"]}
 * @param runtimes registered runtime names, sorted
 * @param defaultRuntime e.g. {@code "runc"}
 * @param cdiSpecDirs the CDI spec directories (empty: CDI off, or an engine before 25)
 * @param discoveredDevices CDI device ids the engine discovered (API 1.49+), e.g. {@code "nvidia.com/gpu=0"}
 * @param cgroupDriver {@code "cgroupfs"} or {@code "systemd"}
 * @param cgroupVersion {@code "1"} or {@code "2"}
 * @param systemTime the daemon's clock when it answered, RFC 3339 (e.g. {@code "2026-12-02T11:45:01.123456789Z"})
 */
public record EngineInfo(String serverVersion, String osType, String operatingSystem, String kernelVersion,
                         List<String> securityOptions, List<String> runtimes, String defaultRuntime,
                         List<String> cdiSpecDirs, List<String> discoveredDevices, String cgroupDriver,
                         String cgroupVersion, String systemTime) {
    public EngineInfo {
        serverVersion = Objects.requireNonNullElse(serverVersion, "");
        osType = Objects.requireNonNullElse(osType, "");
        operatingSystem = Objects.requireNonNullElse(operatingSystem, "");
        kernelVersion = Objects.requireNonNullElse(kernelVersion, "");
        securityOptions = List.copyOf(securityOptions);
        runtimes = List.copyOf(runtimes);
        defaultRuntime = Objects.requireNonNullElse(defaultRuntime, "");
        cdiSpecDirs = List.copyOf(cdiSpecDirs);
        discoveredDevices = List.copyOf(discoveredDevices);
        cgroupDriver = Objects.requireNonNullElse(cgroupDriver, "");
        cgroupVersion = Objects.requireNonNullElse(cgroupVersion, "");
        systemTime = Objects.requireNonNullElse(systemTime, "");
    }

    /** Whether the engine runs rootless ({@code name=rootless} among its security options). */
    public boolean rootless() {
        return securityOptions.stream().anyMatch(o -> o.equals("name=rootless") || o.startsWith("name=rootless,"));
    }

    /** Whether this is Docker Desktop (its {@code OperatingSystem} says so). */
    public boolean dockerDesktop() {
        return operatingSystem.contains("Docker Desktop");
    }

    /** Whether an {@code nvidia} runtime is registered. */
    public boolean hasNvidiaRuntime() {
        return runtimes.contains("nvidia");
    }
}
