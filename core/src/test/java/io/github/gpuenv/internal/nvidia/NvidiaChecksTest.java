package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.internal.check.ReadinessCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaChecksTest {

    private static final GpuDevice H200 = new GpuDevice(0, "NVIDIA H200", "GPU-1b12", "00000000:00:06.0",
            150_754_820_096L, "9.0", "Disabled");
    private static final Fact<WslEnvironment> NOT_WSL = Fact.known(WslEnvironment.outside(), "procfs");
    private static final Fact<WslEnvironment> IN_WSL = Fact.known(new WslEnvironment(true, 2,
            "6.6.87.2-microsoft-standard-WSL2", "Ubuntu", true, true, List.of(), List.of()), "procfs");

    @Test
    void idsInReportOrder() {
        FactSet facts = facts(known(driver("nvml", List.of(H200))), NOT_WSL);
        assertThat(NvidiaChecks.all()).extracting(c -> c.evaluate(facts, DetectOptions.defaults()).id())
                .containsExactly("nvidia.driver", "nvidia.gpu");
    }

    @Test
    void healthyH200() {
        FactSet facts = facts(known(driver("nvml", List.of(H200))), NOT_WSL);
        assertThat(driverCheck(facts)).isEqualTo(Check.pass("nvidia.driver",
                "NVIDIA driver 580.159.04, CUDA 13.0 (from nvml)"));
        assertThat(gpuCheck(facts)).isEqualTo(Check.pass("nvidia.gpu",
                "1 GPU(s): #0 NVIDIA H200 (140 GiB, compute capability 9.0)"));
    }

    @Test
    void procfsHasNoCudaVersion() {
        NvidiaDriver procfs = new NvidiaDriver("580.159.04", "", "procfs", List.of(
                new GpuDevice(0, "NVIDIA H200", "GPU-1b12", "0000:00:06.0", null, null, null)));
        FactSet facts = facts(known(procfs), NOT_WSL);
        assertThat(driverCheck(facts).message()).isEqualTo(
                "NVIDIA driver 580.159.04, CUDA version not reported by procfs (from procfs)");
        assertThat(gpuCheck(facts).message()).isEqualTo("1 GPU(s): #0 NVIDIA H200");
    }

    @Test
    void remedyPerReason() {
        assertThat(driverCheck(unknown(Reason.DRIVER_NOT_LOADED, "nvmlInit_v2: Driver Not Loaded", NOT_WSL)))
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
                    assertThat(c.remedy()).contains("sudo modprobe nvidia").contains("reboot");
                });
        assertThat(driverCheck(unknown(Reason.LIBRARY_VERSION_MISMATCH, "x", NOT_WSL)).remedy()).startsWith("Reboot");
        assertThat(driverCheck(unknown(Reason.NOT_FOUND, "x", NOT_WSL))).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.remedy()).contains("Install the NVIDIA driver");
        });
        assertThat(driverCheck(unknown(Reason.NOT_FOUND, "x", IN_WSL)).remedy())
                .contains("Windows host").contains("never install a Linux NVIDIA driver inside WSL")
                .contains("https://docs.nvidia.com/cuda/wsl-user-guide/");
        assertThat(driverCheck(unknown(Reason.PERMISSION_DENIED, "nvmlInit_v2: Insufficient Permissions", NOT_WSL))
                .remedy()).contains("/dev/nvidia*");
        assertThat(driverCheck(unknown(Reason.PERMISSION_DENIED, NvidiaSmiErrorParser.BLOCKED_DETAIL, IN_WSL))
                .remedy()).contains("WDDM").contains("no-cgroups = false");
        assertThat(driverCheck(unknown(Reason.TIMED_OUT, "x", NOT_WSL))).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.UNKNOWN);
            assertThat(c.remedy()).contains("nvidia-smi -pm 1");
        });
        assertThat(driverCheck(unknown(Reason.COMMAND_FAILED, "x", NOT_WSL)).status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(driverCheck(unknown(Reason.SKIPPED, "x", NOT_WSL)).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(driverCheck(unknown(Reason.DRIVER_NOT_LOADED, "x", NOT_WSL)).message())
                .contains("not loaded").contains("x");
    }

    @Test
    void gpuCheckStates() {
        assertThat(gpuCheck(unknown(Reason.NOT_FOUND, "x", NOT_WSL)).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(gpuCheck(facts(known(driver("nvidia-smi", List.of())), NOT_WSL)).status())
                .isEqualTo(CheckStatus.FAIL);

        GpuDevice lost = new GpuDevice(1, "", null, null, null, null, null, "nvmlDeviceGetHandleByIndex_v2: GPU is lost");
        Check partly = gpuCheck(facts(known(driver("nvml", List.of(H200, lost))), NOT_WSL));
        assertThat(partly.status()).isEqualTo(CheckStatus.WARN);
        assertThat(partly.message()).contains("#1 nvmlDeviceGetHandleByIndex_v2: GPU is lost");
        assertThat(gpuCheck(facts(known(driver("nvml", List.of(lost))), NOT_WSL)).status())
                .isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void oshiOnlyIsNotAWorkingDriver() {
        NvidiaDriver oshi = new NvidiaDriver("", "", "oshi", List.of(
                new GpuDevice(0, "GH100 [H200 SXM 141GB]", null, null, null, null, null)));
        FactSet facts = facts(known(oshi), NOT_WSL);
        assertThat(driverCheck(facts).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(driverCheck(facts).message()).contains("GH100 [H200 SXM 141GB]");
        assertThat(gpuCheck(facts).status()).isEqualTo(CheckStatus.WARN);
        assertThat(gpuCheck(facts).message()).contains("OSHI only (name only)");

        NvidiaDriver windows = new NvidiaDriver("610.88", "", "oshi", oshi.gpus());
        assertThat(driverCheck(facts(known(windows), NOT_WSL)).status()).isEqualTo(CheckStatus.WARN);
    }

    private static NvidiaDriver driver(String source, List<GpuDevice> gpus) {
        return new NvidiaDriver("580.159.04", "13.0", source, gpus);
    }

    private static Fact<NvidiaDriver> known(NvidiaDriver driver) {
        return Fact.known(driver, driver.source());
    }

    private static FactSet unknown(Reason reason, String detail, Fact<WslEnvironment> wsl) {
        return facts(Fact.unknown(reason, detail), wsl);
    }

    private static FactSet facts(Fact<NvidiaDriver> nvidia, Fact<WslEnvironment> wsl) {
        Fact<OperatingSystem> os = Fact.known(new OperatingSystem(OsFamily.LINUX, "Ubuntu", "24.04", "6.8", "amd64"),
                "test");
        return new FactSet(os, Fact.<WindowsHost>unknown(Reason.NOT_APPLICABLE, ""), wsl,
                Fact.<WslHost>unknown(Reason.NOT_APPLICABLE, ""), nvidia,
                Fact.<ContainerEnvironment>unknown(Reason.NOT_FOUND, ""),
                Fact.<ContainerToolkit>unknown(Reason.NOT_FOUND, ""), Fact.<DockerEngine>unknown(Reason.NOT_FOUND, ""));
    }

    private static Check driverCheck(FactSet facts) {
        return evaluate(new NvidiaDriverCheck(), facts);
    }

    private static Check gpuCheck(FactSet facts) {
        return evaluate(new NvidiaGpuCheck(), facts);
    }

    private static Check evaluate(ReadinessCheck check, FactSet facts) {
        return check.evaluate(facts, DetectOptions.defaults());
    }
}
