package io.github.gpuenv.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Check;
import io.github.gpuenv.config.ConfigKey;
import io.github.gpuenv.config.ConfigWarning;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.ProbeAttempt;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.report.WslHost;
import io.github.gpuenv.report.WslState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static GpuEnvReport report() {
        GpuDevice h200 = new GpuDevice(0, "NVIDIA H200", "GPU-1", "00000000:00:06.0", 150_754_820_096L, "9.0", null);
        FactSet facts = new FactSet(
                Fact.known(new OperatingSystem(OsFamily.LINUX, "Ubuntu 24.04.3 LTS", "24.04", "6.8.0", "amd64"), "os-release"),
                Fact.unknown(Reason.NOT_APPLICABLE, "not Windows"),
                Fact.known(WslEnvironment.outside(), "procfs"),
                Fact.unknown(Reason.MODULE_ABSENT, "module absent: add gpuenv-wsl"),
                Fact.known(new NvidiaDriver("580.159.04", "13.0", "nvml", List.of(h200)), "nvml"),
                Fact.unknown(Reason.TIMED_OUT, "took too long"),
                Fact.unknown(Reason.PERMISSION_DENIED, "nope"),
                Fact.unknown(Reason.NOT_FOUND, "no socket"));
        List<Check> checks = List.of(Check.pass("nvidia.driver", "driver 580.159.04"),
                Check.fail("docker.reachable", "Docker Engine not running", "sudo systemctl start docker"));
        return GpuEnvReport.of(facts, checks, List.of(new ProbeAttempt("nvidia", "nvml", "known", "", Duration.ofMillis(42))),
                Instant.parse("2026-11-29T18:00:00Z"), Duration.ofMillis(99));
    }

    @Test
    void knownFactsAreTheirFieldsAndUnknownFactsAreNullWithAnUnknownsEntry() throws Exception {
        JsonNode json = ReportJson.mapper().readTree(report().toJson());

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.at("/os/family").asText()).isEqualTo("linux");
        assertThat(json.at("/nvidia/driverVersion").asText()).isEqualTo("580.159.04");
        assertThat(json.at("/nvidia/cudaDriverVersion").asText()).isEqualTo("13.0");
        assertThat(json.at("/nvidia/source").asText()).isEqualTo("nvml");
        assertThat(json.at("/nvidia/gpus/0/memoryTotalBytes").asLong()).isEqualTo(150_754_820_096L);
        assertThat(json.at("/nvidia/gpus/0/computeCapability").asText()).isEqualTo("9.0");
        assertThat(json.at("/nvidia/gpus/0/pciBusId").asText()).isEqualTo("00000000:00:06.0");
        assertThat(json.at("/wsl/inside").asBoolean()).isFalse();
        assertThat(json.get("windows").isNull()).isTrue();
        assertThat(json.get("docker").isNull()).isTrue();
        assertThat(json.get("unknowns")).hasSize(5);
        assertThat(json.at("/unknowns/0/fact").asText()).isEqualTo("windows");
        assertThat(json.at("/unknowns/0/reason").asText()).isEqualTo("not-applicable");
        assertThat(json.at("/unknowns/1/reason").asText()).isEqualTo("module-absent");
        assertThat(json.at("/checks/1/id").asText()).isEqualTo("docker.reachable");
        assertThat(json.at("/checks/1/status").asText()).isEqualTo("fail");
        assertThat(json.at("/checks/1/remedy").asText()).isEqualTo("sudo systemctl start docker");
        assertThat(json.get("ready").asBoolean()).isFalse();
        assertThat(json.at("/attempts/0/elapsedMillis").asLong()).isEqualTo(42);
    }

    /** Every fact known, every record type and nested record, nulls, enums with a JSON form, lists of lists. */
    private static GpuEnvReport fullReport() {
        GpuDevice h200 = new GpuDevice(0, "NVIDIA H200", "GPU-1", "00000000:00:06.0", 150_754_820_096L, "9.0", null);
        GpuDevice broken = new GpuDevice(1, "NVIDIA H200", "GPU-2", "00000000:00:07.0", null, "", "Enabled",
                "GPU is lost");
        CudaRequirement cuda = new CudaRequirement("cuda>=12.0 brand=tesla,driver>=535,driver<536", List.of(
                List.of(new CudaRequirement.Constraint("cuda", ">=", "12.0")),
                List.of(new CudaRequirement.Constraint("brand", "=", "tesla"),
                        new CudaRequirement.Constraint("driver", ">=", "535"))));
        FactSet facts = new FactSet(
                Fact.known(new OperatingSystem(OsFamily.WINDOWS, "Windows 11 \"Pro\"", "10.0", "", "amd64"), "java"),
                Fact.known(new WindowsHost("22631.4460", "Windows 11", 22631, 4460, "23H2", "registry"), "registry"),
                Fact.known(new WslEnvironment(true, 2, "5.15.167.4-microsoft-standard-WSL2", "Ubuntu", true, true,
                        List.of("/usr/lib/wsl/lib/libcuda.so.1"), List.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1"),
                        true), "procfs"),
                Fact.known(new WslHost(true, null, "Ubuntu", 2, "2.3.26.0", "5.15.167.4-1", List.of(
                        new WslHost.Distribution("Ubuntu", WslState.RUNNING, 2, true),
                        new WslHost.Distribution("docker-desktop", WslState.STOPPED, 2, false))), "wsl.exe"),
                Fact.known(new NvidiaDriver("580.159.04", "13.0", "nvml", List.of(h200, broken)), "nvml"),
                Fact.known(new ContainerEnvironment(true, "docker", "all", "compute,utility", cuda, "12.4.1",
                        List.of("/.dockerenv exists"), true), "markers"),
                Fact.known(new ContainerToolkit(List.of(new ContainerToolkit.Binary("nvidia-ctk",
                        "/usr/bin/nvidia-ctk", "1.17.8")), "/etc/nvidia-container-runtime/config.toml", null,
                        "/etc/docker/daemon.json", true, "runc", Boolean.TRUE, List.of(new ContainerToolkit.CdiSpec(
                        "/etc/cdi/nvidia.yaml", "nvidia.com/gpu", List.of("0", "all"))), List.of("/etc/cdi"), "",
                        "auto", false, Boolean.FALSE), "host-files"),
                Fact.known(new DockerEngine("unix:///var/run/docker.sock", "26.1.5", "1.45", "1.45", "linux",
                        "Debian GNU/Linux 13 (trixie)", "6.12.0", false, false, List.of("nvidia", "runc"), "runc",
                        List.of("/etc/cdi", "/var/run/cdi"), List.of("nvidia.com/gpu=0"), "systemd", "2",
                        DockerEngine.GpuPath.NVIDIA_RUNTIME, "runtime \"nvidia\" is registered"), "docker-api"));
        List<Check> checks = List.of(Check.pass("nvidia.driver", "driver 580.159.04"),
                Check.warn("wsl.lib-shadowing", "shadowed", "remove it"));
        return GpuEnvReport.of(facts, checks, List.of(new ProbeAttempt("nvidia", "nvml", "known", "", Duration.ofMillis(7))),
                Instant.parse("2026-11-29T18:00:00Z"), Duration.ofMillis(31), List.of(new ConfigWarning(
                        ConfigKey.DEADLINE, "GPUENV_DEADLINE", "999999999h", "longer than the ceiling of 24h",
                        "24h is used", true)));
    }

    /** How databind writes the report: every value through {@code valueToTree}, the tree indented by the mapper. */
    private static String databindJson(GpuEnvReport report) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", report.schemaVersion());
        String[] names = {"os", "windows", "wsl", "wslHost", "nvidia", "container", "toolkit", "docker"};
        List<Fact<?>> values = List.of(report.os(), report.windows(), report.wsl(), report.wslHost(), report.nvidia(),
                report.container(), report.toolkit(), report.docker());
        for (int i = 0; i < names.length; i++) {
            if (values.get(i) instanceof Fact.Known<?> known) {
                ObjectNode node = mapper.valueToTree(known.value());
                node.put("probe", known.probe());
                root.set(names[i], node);
            } else {
                root.set(names[i], mapper.nullNode());
            }
        }
        root.set("checks", mapper.valueToTree(report.checks()));
        root.put("ready", report.ready());
        ArrayNode unknowns = root.putArray("unknowns");
        report.unknowns().forEach(u -> unknowns.addObject()
                .put("fact", u.fact()).put("reason", u.reason().id()).put("detail", u.detail()));
        ArrayNode attempts = root.putArray("attempts");
        for (ProbeAttempt a : report.attempts()) {
            attempts.addObject().put("fact", a.fact()).put("probe", a.probe()).put("outcome", a.outcome())
                    .put("detail", a.detail()).put("elapsedMillis", a.elapsed().toMillis());
        }
        root.put("detectedAt", report.detectedAt().toString());
        root.put("elapsedMillis", report.elapsed().toMillis());
        ArrayNode warnings = root.putArray("configWarnings");
        report.configWarnings().forEach(w -> warnings.addObject().put("setting", w.setting().property())
                .put("source", w.source()).put("value", w.value()).put("message", w.message())
                .put("clamped", w.clamped()));
        return mapper.writeValueAsString(root);
    }

    @Test
    void theStreamedTextIsExactlyWhatDatabindWritesForEveryRecordType() throws Exception {
        assertThat(fullReport().toJson()).isEqualTo(databindJson(fullReport()));
        assertThat(report().toJson()).isEqualTo(databindJson(report()));
    }

    @Test
    void theTreeIsTheText() throws Exception {
        assertThat(ReportJson.tree(fullReport())).isEqualTo(ReportJson.mapper().readTree(fullReport().toJson()));
        assertThat(ReportJson.tree(fullReport()).at("/wslHost/distributions/1/name").asText())
                .isEqualTo("docker-desktop");
    }

    @Test
    void readyOnlyWhenNoBlockingCheckFailsOrIsUnknown() {
        FactSet facts = report().facts();
        Instant now = Instant.now();
        assertThat(GpuEnvReport.of(facts, List.of(Check.pass("a", ""), Check.warn("b", "", "")), List.of(), now,
                Duration.ZERO).ready()).isTrue();
        assertThat(GpuEnvReport.of(facts, List.of(Check.unknown("a", "", "")), List.of(), now, Duration.ZERO).ready())
                .isFalse();
        assertThat(GpuEnvReport.of(facts, List.of(Check.skipped("a", "")), List.of(), now, Duration.ZERO).ready())
                .isTrue();
    }
}
