package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.testing.FuzzText;
import io.github.gpuenv.spi.CudaRequirementEvaluator;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the container-layer parsers (cgroup, mountinfo, config.toml, CDI specs, nvidia-ctk, daemon.json,
 * NVIDIA_REQUIRE_CUDA and its evaluator): never a throw, bounded time, invariants on what they return. Corpus:
 * {@code src/test/resources/io/github/gpuenv/internal/container/ContainerParsersFuzzTestInputs/<method>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContainerParsersFuzzTest {

    private static final Set<String> ENGINES = Set.of("kubernetes", "podman", "docker", "containerd", "lxc");
    private static final List<String> CGROUP_KEYS = List.of("0:", "12:memory", "1:name=systemd", "0::/system.slice/docker-",
            "0::/kubepods/besteffort/pod1", "0::/init.scope", "0::/user.slice/libpod-", "5:cpuset:/lxc/c1");
    private static final List<String> MOUNTINFO_KEYS = List.of(
            "1390 1237 0:330 / / rw,relatime master:587 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A",
            "1401 1390 259:1 /var/lib/docker/containers/abc/hostname /etc/hostname rw - ext4 /dev/root rw",
            "31 1 0:27 / / rw - overlay overlay rw,lowerdir=/var/lib/containers/storage", "-", "/", "overlay");
    private static final List<String> TOML_KEYS = List.of("[nvidia-container-cli]", "[nvidia-container-runtime]",
            "no-cgroups", "mode", "#no-cgroups", "nvidia-container-cli.no-cgroups", "[[nvidia-container-runtime]]",
            "nvidia-container-runtime.mode", "ldconfig");
    private static final List<String> CDI_KEYS = List.of("kind", "devices", "- name", "  - name", "cdiVersion",
            "containerEdits", "---", "    deviceNodes", "  - path", "{\"kind\"", "\t- name");
    private static final List<String> CTK_KEYS = List.of("NVIDIA Container Toolkit CLI version", "commit", "version",
            "nvidia-ctk version");
    private static final List<String> DAEMON_KEYS = List.of("{\"runtimes\"", "\"nvidia\"", "\"default-runtime\"",
            "\"features\"", "{\"cdi\"", "\"cdi-spec-dirs\"", "{", "}", "[", "]");
    private static final List<String> CUDA_KEYS = List.of("cuda>=12.4", "brand=tesla,driver>=470,driver<471", "cuda",
            "driver", "arch", "brand", ">=", "<=", "!=", "==");
    private static final List<CudaRequirementEvaluator.Driver> DRIVERS = List.of(
            new CudaRequirementEvaluator.Driver("580.159.04", "13.0", "nvidia", List.of("9.0")),
            new CudaRequirementEvaluator.Driver(null, null, null, List.of()),
            new CudaRequirementEvaluator.Driver("x", "", " ", List.of("", "9.0", "garbage")));

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"kubepods", "libpod", "/docker/", "/docker-", "cri-containerd", "nerdctl-", "/containerd/",
            "/lxc/", "lxc.payload", ":"})
    void procCgroup(byte[] input) {
        for (String text : FuzzText.all(input, CGROUP_KEYS)) {
            ProcCgroupParser.parse(text).ifPresent(engine -> assertThat(engine).isIn(ENGINES));
        }
        if (input.length == 0) {
            assertThat(ProcCgroupParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({" - ", " / / ", "overlay", "/var/lib/docker/", "/var/lib/containers/", "/docker/containers/",
            " "})
    void mountInfo(byte[] input) {
        for (String text : FuzzText.all(input, MOUNTINFO_KEYS)) {
            MountInfoParser.parse(text).ifPresent(engine -> assertThat(engine).isIn("docker", "podman"));
        }
        if (input.length == 0) {
            assertThat(MountInfoParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"[nvidia-container-cli]", "[nvidia-container-runtime]", "no-cgroups = ", "mode = ", "true",
            "false", "\"cdi\"", "#", "[[", "]]", "="})
    void nvidiaRuntimeConfig(byte[] input) {
        for (String text : FuzzText.all(input, TOML_KEYS)) {
            NvidiaRuntimeConfigParser.RuntimeConfig config = NvidiaRuntimeConfigParser.parse(text);
            assertThat(config.mode()).isNotNull();
        }
        if (input.length == 0) {
            assertThat(NvidiaRuntimeConfigParser.parse(null)).isEqualTo(new NvidiaRuntimeConfigParser.RuntimeConfig(null, ""));
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"kind: ", "devices:", "- name: ", "nvidia.com/gpu", "{", "\"kind\"", "\"devices\"", "\"name\"",
            ":", "[", "]", "}", "---", "#", "\ufeff"})
    void cdiSpec(byte[] input) {
        for (String text : FuzzText.all(input, CDI_KEYS)) {
            CdiSpecParser.parse(text).ifPresent(spec -> {
                assertThat(spec.kind()).isNotBlank();
                assertThat(spec.devices()).hasSizeLessThanOrEqualTo(4096)
                        .allSatisfy(d -> assertThat(d).startsWith(spec.kind() + "="));
            });
        }
        if (input.length == 0) {
            assertThat(CdiSpecParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"NVIDIA Container Toolkit CLI version ", "version ", "v", "1.17.3", "-rc.1", "commit: "})
    void nvidiaCtkVersion(byte[] input) {
        for (String text : FuzzText.all(input, CTK_KEYS)) {
            NvidiaCtkVersionParser.parse(text).ifPresent(v -> {
                assertThat(v).isNotEmpty().matches("\\d.*");
                assertThat(text).contains(v);
            });
        }
        if (input.length == 0) {
            assertThat(NvidiaCtkVersionParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"{", "}", "[", "]", "\"runtimes\"", "\"nvidia\"", "\"default-runtime\"", "\"features\"",
            "\"cdi\"", "\"cdi-spec-dirs\"", "true", "false", "null", ":", ","})
    void daemonJson(byte[] input) {
        check(DaemonJsonParser.parse(input));
        for (String text : FuzzText.all(input, DAEMON_KEYS)) {
            check(DaemonJsonParser.parse(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (input.length == 0) {
            check(DaemonJsonParser.parse(null));
        }
    }

    private static void check(DaemonJsonParser.DaemonConfig config) {
        assertThat(config.problem()).isNotNull().hasSizeLessThanOrEqualTo(300);
        assertThat(config.cdiSpecDirs()).allSatisfy(d -> assertThat(d).isNotBlank());
        if (!config.problem().isEmpty()) {
            assertThat(config.nvidiaRuntime()).isFalse();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"cuda", "driver", "arch", "brand", "=", "==", "!=", "<", "<=", ">", ">=", ",", " ", "12.4",
            "470", "tesla", "9.0"})
    void nvidiaRequireCuda(byte[] input) {
        for (String text : FuzzText.all(input, CUDA_KEYS)) {
            CudaRequirement requirement = NvidiaRequireCudaParser.parse(text);
            assertThat(requirement.raw()).isEqualTo(text);
            requirement.alternatives().forEach(alternative -> assertThat(alternative).isNotEmpty().allSatisfy(c -> {
                assertThat(c.key()).isIn("cuda", "driver", "arch", "brand");
                assertThat(c.operator()).isIn("==", "!=", "<=", ">=", "=", "<", ">");
                assertThat(c.value()).isNotEmpty();
            }));
            for (CudaRequirementEvaluator.Driver driver : DRIVERS) {
                CudaRequirementEvaluator.Verdict verdict = CudaRequirementEvaluator.evaluate(requirement, driver);
                assertThat(verdict.outcome() == CudaRequirementEvaluator.Outcome.NOTHING_REQUIRED)
                        .isEqualTo(requirement.alternatives().isEmpty());
                assertThat(verdict.satisfiedBy().isEmpty())
                        .isEqualTo(verdict.outcome() != CudaRequirementEvaluator.Outcome.SATISFIED);
            }
        }
        if (input.length == 0) {
            assertThat(NvidiaRequireCudaParser.parse(null).alternatives()).isEmpty();
        }
    }

    /**
     * Finding 2 (review of finding 1's class, then reproduced): {@code toLowerCase} is quadratic on text full of
     * {@code İ} (150,000 of them: 5 s), so a megabyte of such output held the container and toolkit probes for minutes; fixed with
     * {@link io.github.gpuenv.internal.AsciiCase}. The class's {@code @Timeout} bounds each of these.
     */
    @Test
    void aMegabyteOfDottedCapitalIIsReadInLinearTime() {
        String dottedI = "\u0130".repeat(1_000_000);

        assertThat(ProcCgroupParser.parse("0::/" + dottedI + "/KUBEPODS/pod1")).contains("kubernetes");
        assertThat(NvidiaRuntimeConfigParser.parse("[nvidia-container-cli]\nno-cgroups = " + dottedI).noCgroups()).isNull();
        CudaRequirement requirement = NvidiaRequireCudaParser.parse(dottedI.substring(0, 60_000) + ">=1 BRAND=tesla");
        assertThat(requirement.alternatives()).singleElement().satisfies(a -> assertThat(a).singleElement()
                .satisfies(c -> assertThat(c.key()).isEqualTo("brand")));
        assertThat(CudaRequirementEvaluator.evaluate(NvidiaRequireCudaParser.parse("brand=" + dottedI.substring(0, 60_000)),
                new CudaRequirementEvaluator.Driver("580.159.04", "13.0", dottedI.substring(0, 60_000), List.of()))
                .outcome()).isEqualTo(CudaRequirementEvaluator.Outcome.SATISFIED);
    }
}
