package io.github.gpuenv.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gpuenv.Check;
import io.github.gpuenv.Fact;
import io.github.gpuenv.FactSet;
import io.github.gpuenv.GpuDevice;
import io.github.gpuenv.GpuEnvReport;
import io.github.gpuenv.NvidiaDriver;
import io.github.gpuenv.OperatingSystem;
import io.github.gpuenv.OsFamily;
import io.github.gpuenv.ProbeAttempt;
import io.github.gpuenv.Reason;
import io.github.gpuenv.WslEnvironment;
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

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
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
