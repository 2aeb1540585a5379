package io.github.gpuenv.wsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.wsl.WslDistribution;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.report.WslState;
import io.github.gpuenv.wsl.WslStatus;
import io.github.gpuenv.wsl.WslVersion;
import io.github.gpuenv.wsl.testing.FakeWslExe;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WslParsersTest {

    private static String text(String fixture) {
        return WslOutputDecoder.decode(FakeWslExe.fixture(fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list/intellij-utf8.txt", "list/intellij-utf8-bom.txt", "list/intellij-utf16le.bin",
            "list/intellij-utf16le-bom.bin"})
    void everyEncodingOfTheSameListDecodesToTheSameRows(String fixture) {
        WslListParser.Result r = WslListParser.parse(text(fixture));
        assertThat(r.recognized()).isTrue();
        assertThat(r.distributions()).containsExactly(
                new WslDistribution("Ubuntu-20.04", WslState.STOPPED, "Stopped", 2, true),
                new WslDistribution("docker-desktop", WslState.STOPPED, "Stopped", 2, false),
                new WslDistribution("docker-desktop-data", WslState.STOPPED, "Stopped", 2, false),
                new WslDistribution("Ubuntu-18.04", WslState.STOPPED, "Stopped", 1, false));
    }

    @Test
    void detectsEachEncoding() {
        assertThat(WslOutputDecoder.detect(FakeWslExe.fixture("list/intellij-utf8.txt")))
                .isEqualTo(WslOutputDecoder.Encoding.UTF8);
        assertThat(WslOutputDecoder.detect(FakeWslExe.fixture("list/intellij-utf8-bom.txt")))
                .isEqualTo(WslOutputDecoder.Encoding.UTF8_BOM);
        assertThat(WslOutputDecoder.detect(FakeWslExe.fixture("list/intellij-utf16le.bin")))
                .isEqualTo(WslOutputDecoder.Encoding.UTF16LE);
        assertThat(WslOutputDecoder.detect(FakeWslExe.fixture("list/intellij-utf16le-bom.bin")))
                .isEqualTo(WslOutputDecoder.Encoding.UTF16LE_BOM);
        assertThat(WslOutputDecoder.decode("Ärger".getBytes(StandardCharsets.UTF_16BE))).isEqualTo("Ärger");
    }

    @Test
    void utf16DecodedAsUtf8LooksLikeNoDistributionsToANaiveParserButIsUnrecognizedHere() {
        byte[] utf16 = FakeWslExe.fixture("list/intellij-utf16le.bin");
        String misdecoded = new String(utf16, StandardCharsets.UTF_8);
        // the naive reading: no line contains "Ubuntu", so "no distributions"
        assertThat(misdecoded).doesNotContain("Ubuntu");
        WslListParser.Result r = WslListParser.parse(misdecoded);
        assertThat(r.recognized()).isFalse();
        assertThat(r.detail()).contains("NUL");
        assertThat(WslListParser.parse(WslOutputDecoder.decode(utf16)).distributions()).hasSize(4);
    }

    @Test
    void readsRealSamplesWithRunningRowsAndDefaults() {
        assertThat(WslListParser.parse(text("list/kali-running.txt")).distributions()).containsExactly(
                new WslDistribution("kali-linux", WslState.STOPPED, "Stopped", 2, true),
                new WslDistribution("Ubuntu-20.04", WslState.RUNNING, "Running", 2, false));
        assertThat(WslListParser.parse(text("list/wsl-40808.txt")).distributions()).extracting(WslDistribution::name)
                .containsExactly("Ubuntu-24.04", "Ubuntu-22.04");
        assertThat(WslListParser.parse(text("list/podman-machine.txt")).distributions()).containsExactly(
                new WslDistribution("podman-machine-default", WslState.STOPPED, "Stopped", 2, true));
    }

    @Test
    void aLocalizedHeaderStillGivesColumnsAndALocalizedStateIsUnknownWithItsText() {
        WslListParser.Result r = WslListParser.parse(text("list/de-third-party-test.txt"));
        assertThat(r.recognized()).isTrue();
        assertThat(r.distributions()).containsExactly(
                new WslDistribution("Debian", WslState.UNKNOWN, "Wird ausgeführt", 2, true),
                new WslDistribution("Ubuntu", WslState.UNKNOWN, "Beendet", 2, false));
    }

    @Test
    void headerOnlyIsARecognizedEmptyListAndGarbageIsNot() {
        WslListParser.Result empty = WslListParser.parse(text("list/header-only.txt"));
        assertThat(empty.recognized()).isTrue();
        assertThat(empty.distributions()).isEmpty();
        assertThat(WslListParser.parse("").recognized()).isFalse();
        assertThat(WslListParser.parse("Usage: wsl.exe [Argument]").recognized()).isFalse();
        assertThat(WslListParser.parse("  NAME  STATE  VERSION\r\n* Ubu").recognized()).isFalse();
    }

    @Test
    void theDefaultMarkerMayTouchTheName() {
        assertThat(WslListParser.parse("  NAME STATE VERSION\n*Ubuntu Running 2\n").distributions())
                .containsExactly(new WslDistribution("Ubuntu", WslState.RUNNING, "Running", 2, true));
    }

    @Test
    void parsersNeverThrowOnRandomOrHugeInput() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            String s = WslOutputDecoder.decode(bytes);
            WslListParser.parse(s);
            WslStatusParser.parse(s, random.nextInt());
            WslVersionParser.parse(s);
            WslErrorCode.find(s);
        }
        String huge = "  NAME  STATE  VERSION\n" + "  x  Running  2\n".repeat(50_000);
        assertThat(WslListParser.parse(huge).distributions()).hasSize(WslLines.MAX_LINES - 1);
    }

    @Test
    void statusVariants() {
        WslStatus ok = WslStatusParser.parse(text("status/ok.txt"), 0);
        assertThat(ok.installed()).isTrue();
        assertThat(ok.problem()).isNull();
        assertThat(ok.defaultDistribution()).isEqualTo("Ubuntu");
        assertThat(ok.defaultVersion()).isEqualTo(2);
        assertThat(WslStatusParser.parse(text("status/ok-utf16le.bin"), 0).defaultDistribution()).isEqualTo("Ubuntu");

        WslStatus notInstalled = WslStatusParser.parse(text("status/not-installed.txt"), 50);
        assertThat(notInstalled.installed()).isFalse();
        assertThat(notInstalled.problem()).isEqualTo(WslProblem.NOT_INSTALLED);

        assertThat(WslStatusParser.parse(text("status/kernel-missing.txt"), WslErrorCode.EXIT_KERNEL_MISSING).problem())
                .isEqualTo(WslProblem.KERNEL_MISSING);
        assertThat(WslStatusParser.parse(text("status/kernel-missing.txt"), 0x44).problem())
                .isEqualTo(WslProblem.KERNEL_MISSING);
        WslStatus vmp = WslStatusParser.parse(text("status/vmp-disabled.txt"), 0);
        assertThat(vmp.problem()).isEqualTo(WslProblem.VMP_DISABLED);
        assertThat(vmp.installed()).isTrue();
        assertThat(vmp.defaultVersion()).isEqualTo(2);
        assertThat(WslStatusParser.parse(text("status/wsl1-disabled.txt"), 0).problem())
                .isEqualTo(WslProblem.WSL1_DISABLED);
    }

    @Test
    void exitCodesDecideWithoutReadingTheSentence() {
        assertThat(WslStatusParser.parse("Das Windows-Subsystem für Linux ist nicht installiert.", 50).problem())
                .isEqualTo(WslProblem.NOT_INSTALLED);
        assertThat(WslStatusParser.parse("", WslErrorCode.EXIT_KERNEL_MISSING).problem())
                .isEqualTo(WslProblem.KERNEL_MISSING);
        assertThat(WslStatusParser.parse(text("errors/vmp-disabled-fr-import.txt"), -1).problem())
                .isEqualTo(WslProblem.VMP_DISABLED);
    }

    @Test
    void statusWithLocalizedLabelsIsReadByShape() {
        WslStatus s = WslStatusParser.parse("Standarddistribution: Debian\r\nStandardversion: 2\r\n", 0);
        assertThat(s.defaultDistribution()).isEqualTo("Debian");
        assertThat(s.defaultVersion()).isEqualTo(2);
    }

    @Test
    void versionInEnglishAndByLineOrder() {
        WslVersion v = WslVersionParser.parse(text("version/en-2.7.8.txt")).orElseThrow();
        assertThat(v).isEqualTo(new WslVersion("2.7.8.0", "6.18.33.1-1", "1.0.73.2", "1.2.6676", "1.611.1-81528511",
                "10.0.26100.1-240331-1435.ge-release", "10.0.26200.8390"));
        assertThat(WslVersionParser.parse(text("version/en-2.7.8-utf16le-bom.bin"))).contains(v);
        assertThat(WslVersionParser.parse(text("version/en-1.2.2.txt")).orElseThrow().kernelVersion())
                .isEqualTo("5.15.90.1");
        WslVersion zh = WslVersionParser.parse(text("version/zh-CN-partial.txt")).orElseThrow();
        assertThat(zh.wslVersion()).isEqualTo("1.0.0.0");
        assertThat(zh.kernelVersion()).isEqualTo("5.15.74.2");
        assertThat(zh.windowsVersion()).isNull();
        assertThat(WslVersionParser.parse(text("version/zh-TW-first-line.txt")).orElseThrow().wslVersion())
                .isEqualTo("2.7.3.0");
        assertThat(WslVersionParser.parse(text("version/fr-FR-first-line.txt")).orElseThrow().wslVersion())
                .isEqualTo("2.7.3.0");
        assertThat(WslVersionParser.parse(text("version/inbox-usage.txt"))).isEmpty();
        assertThat(WslVersionParser.parse("")).isEmpty();
    }

    @Test
    void errorCodesAreFoundInLocalizedOutput() {
        assertThat(WslErrorCode.find(text("errors/distro-not-found-zh-utf16le.bin")).orElseThrow().kind())
                .isEqualTo(WslErrorCode.Kind.DISTRO_NOT_FOUND);
        assertThat(WslErrorCode.find(text("errors/vmp-disabled-8793.txt")).orElseThrow().kind())
                .isEqualTo(WslErrorCode.Kind.VIRTUALIZATION_DISABLED);
        assertThat(WslErrorCode.find(text("errors/hyperv-not-installed-13092.txt")).orElseThrow().leaf())
                .isEqualTo("HCS_E_HYPERV_NOT_INSTALLED");
        assertThat(WslErrorCode.find(text("errors/no-distributions-9179.txt")).orElseThrow().kind())
                .isEqualTo(WslErrorCode.Kind.NO_DISTRIBUTIONS);
        assertThat(WslErrorCode.find("Error: 0x80370102 The virtual machine could not be started").orElseThrow().kind())
                .isEqualTo(WslErrorCode.Kind.VIRTUALIZATION_DISABLED);
        assertThat(WslErrorCode.find(text("errors/file-not-found-40808.txt")).orElseThrow().kind())
                .isEqualTo(WslErrorCode.Kind.OTHER);
        assertThat(WslErrorCode.find(text("errors/no-distributions-without-code.txt"))).isEmpty();
    }
}
