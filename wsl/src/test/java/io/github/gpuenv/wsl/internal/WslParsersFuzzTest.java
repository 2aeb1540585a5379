package io.github.gpuenv.wsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.testing.FuzzText;
import io.github.gpuenv.wsl.WslStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes what gpuenv reads from {@code wsl.exe}: the output decoder (raw bytes) and the {@code --list --verbose},
 * {@code --status} and {@code --version} parsers, each fed the bytes decoded three ways, the decoder's own reading,
 * and structured lines. Never a throw, bounded time, invariants on what they return. Corpus:
 * {@code src/test/resources/io/github/gpuenv/wsl/internal/WslParsersFuzzTestInputs/<method>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WslParsersFuzzTest {

    /** {@code wsl.exe}'s exit codes that the parsers give a meaning to, and others. */
    private static final int[] EXIT_CODES = {0, 1, 50, 0xFFFFFE44, 0x44, -1, 255, Integer.MIN_VALUE};
    private static final List<String> LIST_KEYS = List.of("  NAME                   STATE           VERSION",
            "* Ubuntu-20.04           Stopped         2", "  docker-desktop         Running         2", "*", "  NAME",
            "  Ubuntu", "Stopped", "Running", "Installing", "2", "1");
    private static final List<String> STATUS_KEYS = List.of("Default Distribution", "Default Version",
            "Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_SERVICE_NOT_AVAILABLE", "0x80370102", "aka.ms/wslinstall",
            "aka.ms/enablevirtualization", "wsl --update", "WSL1 is not supported", "Standardverteilung");
    private static final List<String> VERSION_KEYS = List.of("WSL version", "Kernel version", "WSLg version",
            "MSRDC version", "Direct3D version", "DXCore version", "Windows version", "WSL 版本", "Version WSL ");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\ufeff", "NAME", "STATE", "VERSION"})
    void outputDecoder(byte[] input) {
        String text = WslOutputDecoder.decode(input);
        assertThat(text).doesNotContain("\u0000").doesNotContain("\uFEFF");
        assertThat(WslOutputDecoder.detect(input)).isNotNull();
        if (input.length == 0) {
            assertThat(WslOutputDecoder.decode(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"NAME", "STATE", "VERSION", "*", "  ", "    ", "Running", "Stopped"})
    void list(byte[] input) {
        for (String text : texts(input, LIST_KEYS)) {
            WslListParser.Result result = WslListParser.parse(text);
            assertThat(result.detail()).isNotNull();
            if (result.recognized()) {
                assertThat(result.detail()).isEmpty();
            } else {
                assertThat(result.detail()).isNotEmpty();
            }
            result.distributions().forEach(d -> {
                assertThat(d.name()).isNotEmpty();
                assertThat(d.version()).isBetween(0, 9);
            });
        }
        if (input.length == 0) {
            assertThat(WslListParser.parse(null).recognized()).isFalse();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"Default Distribution: ", "Default Version: ", ": ", "：", "Wsl/", "0x8037", "HCS_E_",
            "aka.ms/", "--install --no-distribution", "kernel file is not found", "--enable-wsl1", "not installed"})
    void status(byte[] input) {
        int exitCode = EXIT_CODES[(input.length == 0 ? 0 : input[input.length - 1] & 0xff) % EXIT_CODES.length];
        for (String text : texts(input, STATUS_KEYS)) {
            WslStatus status = WslStatusParser.parse(text, exitCode);
            assertThat(status.exitCode()).isEqualTo(exitCode);
            assertThat(status.rawText()).isEqualTo(text);
            if (status.defaultVersion() != null) {
                assertThat(status.defaultVersion()).isIn(1, 2);
            }
        }
        if (input.length == 0) {
            assertThat(WslStatusParser.parse(null, exitCode).rawText()).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"WSL version: ", "Kernel version: ", ": ", "：", "2.7.8.0", "6.6.87.2-1", "10.0.26100.4946"})
    void version(byte[] input) {
        for (String text : texts(input, VERSION_KEYS)) {
            WslVersionParser.parse(text).ifPresent(v -> assertThat(v.wslVersion()).matches("\\d+(\\.\\d+)+.*"));
        }
        if (input.length == 0) {
            assertThat(WslVersionParser.parse(null)).isEmpty();
        }
    }

    /** The bytes decoded three ways, as {@link WslOutputDecoder} decodes them, and as structured lines. */
    private static List<String> texts(byte[] input, List<String> keys) {
        List<String> texts = new ArrayList<>(FuzzText.all(input, keys));
        texts.add(WslOutputDecoder.decode(input));
        return texts;
    }

    /**
     * Finding 2 (review of finding 1's class, then reproduced): {@code toLowerCase} is quadratic on text full of
     * {@code İ} (150,000 of them: 5 s), so a megabyte of such output held the WSL probes for minutes; fixed with
     * {@link io.github.gpuenv.internal.AsciiCase}. The class's {@code @Timeout} bounds each of these.
     */
    @Test
    void aMegabyteOfDottedCapitalIIsReadInLinearTime() {
        String dottedI = "\u0130".repeat(1_000_000);

        assertThat(WslStatusParser.parse(dottedI + "\nDefault Version: 2\n", 0).defaultVersion()).isEqualTo(2);
        assertThat(WslVersionParser.parse("WSL version: 2.7.8.0\n" + dottedI + ": 1\n")).isPresent();
    }

    /**
     * Finding 3 ({@code list}, found by the fuzzer in its first second: corpus file {@code list/crash-dbc92c1f…},
     * whose structured reading starts with 16,000 blank lines; {@code list/crash-10000-blank-lines-then-a-table} is
     * the same in plain text): 10,000 blank lines fill {@link WslLines}' cap, no line is left, and the parser threw
     * {@link IndexOutOfBoundsException} instead of answering "unrecognized".
     */
    @ParameterizedTest
    @ValueSource(strings = {"crash-dbc92c1f7eed1f155947862395355932d8249bc1", "crash-10000-blank-lines-then-a-table"})
    void tenThousandBlankLinesAreUnrecognizedNotACrash(String name) throws Exception {
        byte[] input;
        try (java.io.InputStream in = WslParsersFuzzTest.class.getResourceAsStream("WslParsersFuzzTestInputs/list/" + name)) {
            input = in.readAllBytes();
        }
        String text = name.startsWith("crash-dbc") ? FuzzText.lines(input, LIST_KEYS) : WslOutputDecoder.decode(input);

        WslListParser.Result result = WslListParser.parse(text);

        assertThat(result.recognized()).isFalse();
        assertThat(result.detail()).contains("10000");
    }
}
