package io.github.gpuenv.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection at the command boundary: every external command detect() runs ({@code nvidia-smi},
 * {@code ldconfig -p}, {@code nvidia-ctk --version}, {@code cmd.exe /c ver}) is a real stand-in process that
 * commits one {@link Fault}. detect() must return with each fact's typed reason (or still known, where the command
 * only adds a detail), and leave none of the stand-ins running.
 */
class CommandFaultTest {

    @TempDir
    Path dir;

    /**
     * What each fault must produce: the reason of the {@code nvidia} and {@code windows} facts (null: known), whether
     * the {@code wsl} fact could read {@code ldconfig -p}, and the nvidia-ctk version the {@code toolkit} fact holds.
     */
    private record Expected(Reason nvidia, Reason windows, boolean ldconfigRead, String ctkVersion) {
    }

    private static Expected expected(Fault fault) {
        return switch (fault) {
            case HANG, SLOW, CLOSED_STDOUT -> new Expected(Reason.TIMED_OUT, Reason.TIMED_OUT, false, null);
            case CRASH -> new Expected(Reason.COMMAND_FAILED, Reason.COMMAND_FAILED, false, null);
            case FLOOD, BINARY, EMPTY -> new Expected(Reason.UNRECOGNIZED_OUTPUT, Reason.UNRECOGNIZED_OUTPUT, false, null);
            case GRANDCHILD -> new Expected(null, null, true, StandIns.CTK_VERSION);
        };
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyFactAnswersWithItsReasonAndNoStandInOutlivesDetect(Fault fault) {
        StandIns standIns = StandIns.create(dir, fault);
        Expected expected = expected(fault);

        GpuEnvReport report = GpuEnv.detect(standIns.options());

        assertReason(report.nvidia(), expected.nvidia());
        if (expected.nvidia() == null) {
            assertThat(report.nvidia().value().gpus()).singleElement()
                    .satisfies(gpu -> assertThat(gpu.name()).isEqualTo("NVIDIA H200"));
        }
        assertReason(report.windows(), expected.windows());
        if (expected.windows() == null) {
            assertThat(report.windows().value().buildNumber()).isEqualTo(19045);
        }
        assertThat(report.wsl().isKnown()).as("wsl: %s", report.wsl()).isTrue();
        assertThat(report.wsl().value().ldconfigRead()).isEqualTo(expected.ldconfigRead());
        assertThat(report.toolkit().isKnown()).as("toolkit: %s", report.toolkit()).isTrue();
        assertThat(report.toolkit().value().binaries()).filteredOn(b -> b.name().equals("nvidia-ctk"))
                .extracting(ContainerToolkit.Binary::version).containsExactly(expected.ctkVersion());
        assertThat(report.attempts()).as("every stand-in was reached").extracting(a -> a.fact() + "/" + a.probe())
                .contains("nvidia/nvidia-smi", "windows/ver", "wsl/procfs", "toolkit/host-files");

        // a grandchild is re-parented to init when the stand-in exits: no runner can reach it (documented)
        Predicate<ProcessHandle> mayStay = p -> fault == Fault.GRANDCHILD && StandIns.isSleeper(p, standIns.directory());
        List<ProcessHandle> left = Leftovers.awaitGone(standIns.directory(), Duration.ofSeconds(10), mayStay);
        assertThat(left).as("stand-in processes still running after detect()").allMatch(mayStay);
    }

    @AfterEach
    void killWhatIsLeft() {
        Leftovers.kill(dir);
    }

    private static void assertReason(Fact<?> fact, Reason expected) {
        if (expected == null) {
            assertThat(fact.isKnown()).as("%s", fact).isTrue();
        } else {
            assertThat(fact).as("%s", fact).isInstanceOfSatisfying(Fact.Unknown.class,
                    u -> assertThat(u.reason()).isEqualTo(expected));
        }
    }
}
