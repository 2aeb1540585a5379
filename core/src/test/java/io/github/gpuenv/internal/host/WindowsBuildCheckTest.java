package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.CheckStatus;
import io.github.gpuenv.DetectOptions;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.system.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** windows.build against the default thresholds (22000.160 / 19044.1200), on native Windows. */
class WindowsBuildCheckTest {

    private static final DetectOptions DEFAULTS = DetectOptions.builder(new Environment(Map.of(), Map.of())).build();

    private static Check evaluate(Fact<WindowsHost> windows, DetectOptions options) {
        FactSet facts = new FactSet(
                Fact.known(new OperatingSystem(OsFamily.WINDOWS, "Windows 11 Pro", "", "10.0", "amd64"), "registry"),
                windows, Fact.known(WslEnvironment.outside(), "procfs"), Fact.unknown(Reason.NOT_APPLICABLE, ""),
                Fact.unknown(Reason.NOT_APPLICABLE, ""), Fact.unknown(Reason.NOT_APPLICABLE, ""),
                Fact.unknown(Reason.NOT_APPLICABLE, ""), Fact.unknown(Reason.NOT_APPLICABLE, ""));
        return new WindowsBuildCheck().evaluate(facts, options);
    }

    private static CheckStatus status(int build, int ubr) {
        WindowsHost host = new WindowsHost("10.0." + build + (ubr >= 0 ? "." + ubr : ""),
                WindowsHost.productFor(build), build, ubr, "", "ver");
        return evaluate(Fact.known(host, "ver"), DEFAULTS).status();
    }

    @Test
    void windows11ComparesBuildThenUbr() {
        assertThat(status(22000, 160)).isEqualTo(CheckStatus.PASS);
        assertThat(status(22000, 159)).isEqualTo(CheckStatus.FAIL);
        assertThat(status(22000, 51)).isEqualTo(CheckStatus.FAIL);
        assertThat(status(22621, 0)).isEqualTo(CheckStatus.PASS);
        assertThat(status(26100, 2894)).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void windows10ComparesBuildThenUbr() {
        assertThat(status(19044, 1200)).isEqualTo(CheckStatus.PASS);
        assertThat(status(19044, 1199)).isEqualTo(CheckStatus.FAIL);
        assertThat(status(19043, 9999)).isEqualTo(CheckStatus.FAIL);
        assertThat(status(19045, 0)).isEqualTo(CheckStatus.PASS);
        assertThat(status(14393, 2580)).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void unknownUbrWarnsOnlyAtTheThresholdBuild() {
        WindowsHost noUbr = new WindowsHost("10.0.19044", "Windows 10", 19044, -1, "", "ver");
        Check check = evaluate(Fact.known(noUbr, "ver"), DEFAULTS);
        assertThat(check.status()).isEqualTo(CheckStatus.WARN);
        assertThat(check.message()).isEqualTo("Windows 10 build 19044 (from ver) gives no revision (UBR), so whether"
                + " it reaches Windows 10 19044.1200 cannot be told");
        assertThat(check.remedy()).startsWith("run `winver` in Windows: the OS Build must be 19044.1200 or later");
        assertThat(check.blocksReadiness()).isFalse();
        assertThat(status(19045, -1)).isEqualTo(CheckStatus.PASS);
        assertThat(status(10586, -1)).isEqualTo(CheckStatus.FAIL);
        DetectOptions buildOnly = DEFAULTS.toBuilder().minWindows10Build("19044").build();
        assertThat(evaluate(Fact.known(noUbr, "ver"), buildOnly).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void unknownBuildAndBadThresholdAreNonBlockingUnknowns() {
        Check unknown = evaluate(Fact.unknown(Reason.TIMED_OUT, "cmd.exe /c ver timed out"), DEFAULTS);
        assertThat(unknown.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(unknown.blocksReadiness()).isFalse();
        assertThat(unknown.message()).isEqualTo("the Windows build is unknown: timed-out: cmd.exe /c ver timed out");

        WindowsHost host = new WindowsHost("10.0.22631.4602", "Windows 11", 22631, 4602, "23H2", "registry");
        Check bad = evaluate(Fact.known(host, "registry"), DEFAULTS.toBuilder().minWindows11Build("latest").build());
        assertThat(bad.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(bad.message()).isEqualTo("the minimum gpuenv.min-windows11-build=\"latest\" is not a build.UBR number");
    }

    @Test
    void passMessageNamesTheDisplayVersionAndSource() {
        WindowsHost host = new WindowsHost("10.0.22631.4602", "Windows 11", 22631, 4602, "23H2", "registry");
        assertThat(evaluate(Fact.known(host, "registry"), DEFAULTS).message()).isEqualTo("Windows 11 build 22631.4602"
                + " (23H2, from registry) is newer than Windows 11 22000.160, the lowest that runs CUDA in WSL 2");
    }
}
