package io.github.gpuenv.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The annotations through JUnit's own test kit, on fixture roots (nothing of this machine is read: under a root
 * nothing runs): the real H200 capture (one H200, 143771 MiB, CUDA 13.0, ready through CDI) and an empty root (no
 * GPU, not ready). Each case runs a small test class and asserts which tests ran and why the others were skipped.
 */
class GpuConditionsTest {

    @TempDir
    Path empty;

    /** Runs by the kit only (surefire skips nested classes). */
    static class OnTheH200 {
        @Test @EnabledIfGpu void gpu() { }
        @Test @DisabledIfGpu void noGpu() { }
        @Test @EnabledIfCuda(min = "12.0") void cuda12() { }
        @Test @EnabledIfCuda(min = "99.0") void cuda99() { }
        @Test @DisabledIfCuda(min = "12.0") void beforeCuda12() { }
        @Test @EnabledIfGpuMemory(min = "16GiB") void sixteenGiB() { }
        @Test @EnabledIfGpuMemory(min = "200 GB") void twoHundredGB() { }
        @Test @DisabledIfGpuMemory(min = "80GiB") void smallGpu() { }
        @Test @EnabledIfCudaContainers void containers() { }
        @Test @DisabledIfCudaContainers void noContainers() { }
    }

    @Test
    void onTheH200CaptureEachConditionSaysWhatItSaw() throws Exception {
        Events tests = run(OnTheH200.class, h200Root());

        assertThat(names(tests.succeeded())).containsExactlyInAnyOrder("gpu", "cuda12", "sixteenGiB", "containers");
        Map<String, String> skipped = reasons(tests);
        assertThat(skipped).containsOnlyKeys("noGpu", "cuda99", "beforeCuda12", "twoHundredGB", "smallGpu",
                "noContainers");
        assertThat(skipped.get("noGpu")).contains("@DisabledIfGpu").contains("NVIDIA H200");
        assertThat(skipped.get("cuda99")).contains("CUDA 13.0, below 99.0");
        assertThat(skipped.get("beforeCuda12")).contains("@DisabledIfCuda").contains("13.0");
        assertThat(skipped.get("twoHundredGB")).contains("the largest GPU has 140 GiB, less than 200 GB");
        assertThat(skipped.get("noContainers")).contains("can run CUDA containers");
        assertThat(tests.failed().count()).isZero();
    }

    /** Runs by the kit only. */
    static class WithoutAGpu {
        @Test @EnabledIfGpu void gpu() { }
        @Test @DisabledIfGpu void noGpu() { }
        @Test @EnabledIfCuda(min = "12.0") void cuda12() { }
        @Test @EnabledIfGpuMemory(min = "1GiB") void memory() { }
        @Test @EnabledIfCudaContainers void containers() { }
    }

    @Test
    void withoutAGpuTheReasonsAreGpuenvsChecks() {
        Events tests = run(WithoutAGpu.class, empty);

        assertThat(names(tests.succeeded())).containsExactly("noGpu");
        Map<String, String> skipped = reasons(tests);
        assertThat(skipped.get("gpu")).startsWith("no NVIDIA GPU detected: ");
        assertThat(skipped.get("cuda12")).contains("CUDA version is not known");
        assertThat(skipped.get("memory")).contains("no NVIDIA GPU detected");
        assertThat(skipped.get("containers")).startsWith("this machine cannot run CUDA containers: ")
                .contains("→");
    }

    /** Runs by the kit only. */
    @EnabledIfGpu
    static class ClassLevel {
        @Test void one() { }
        @Test void two() { }
    }

    @Test
    void onAClassItDisablesTheWholeClass() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ClassLevel.class))
                .configurationParameter("gpuenv.root", empty.toString()).execute().containerEvents();
        assertThat(containers.skipped().count()).isEqualTo(1);
    }

    /** Runs by the kit only. */
    static class Malformed {
        @Test @EnabledIfCuda(min = "twelve") void badVersion() { }
        @Test @EnabledIfGpuMemory(min = "lots") void badSize() { }
    }

    @Test
    void aMalformedMinimumFailsTheTestNamingIt() {
        Events tests = run(Malformed.class, empty);
        assertThat(tests.failed().count()).isEqualTo(2);
        String messages = tests.failed().stream().map(e -> e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .map(Throwable::getMessage).orElse("")).collect(Collectors.joining(" | "));
        assertThat(messages).contains("@EnabledIfCuda(min = \"twelve\"): not a version")
                .contains("@EnabledIfGpuMemory(min = \"lots\"): not a memory size");
    }

    static final List<GpuEnvReport> SEEN = new CopyOnWriteArrayList<>();

    /** Runs by the kit only. */
    @EnabledIfGpu
    static class First {
        @Test void sees(GpuEnvReport report) {
            SEEN.add(report);
        }
    }

    /** Runs by the kit only. */
    @EnabledIfGpuMemory(min = "1GiB")
    static class Second {
        @Test void sees(GpuEnvReport report) {
            SEEN.add(report);
        }
    }

    @Test
    void theDetectionRunsOncePerTestRunAndTestsMayAskForTheReport() throws Exception {
        SEEN.clear();
        Path root = h200Root();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(First.class),
                selectClass(Second.class)).configurationParameter("gpuenv.root", root.toString()).execute()
                .testEvents();
        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).as("one report for the whole run").isSameAs(SEEN.get(1));
        assertThat(Files.isDirectory(root)).isTrue();
    }

    /** The H200 capture, copied out of core's test jar. */
    private Path h200Root() throws java.io.IOException {
        return Fixtures.copyTo("h200-gpuenv-capture", empty.resolve("h200")).resolve("root");
    }

    private static Events run(Class<?> testClass, Path root) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter("gpuenv.root", root.toString()).execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName().replace("()", "")
                .replaceAll("\\(.*\\)", "")).toList();
    }

    private static Map<String, String> reasons(Events tests) {
        return tests.skipped().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)", ""),
                (Event e) -> e.getPayload(String.class).orElse("")));
    }
}
