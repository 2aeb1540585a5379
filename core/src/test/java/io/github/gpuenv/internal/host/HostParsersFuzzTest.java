package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.ProcVersionParser;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.testing.FuzzText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the host parsers (os-release, {@code ver}, {@code /proc/version}, {@code ldconfig -p}): never a throw,
 * bounded time, invariants on what they return. Corpus:
 * {@code src/test/resources/io/github/gpuenv/internal/host/HostParsersFuzzTestInputs/<method>/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostParsersFuzzTest {

    private static final List<String> OS_RELEASE_KEYS = List.of("NAME", "PRETTY_NAME", "ID", "VERSION_ID", "VERSION",
            "ID_LIKE", "# comment", "HOME_URL", "VERSION_CODENAME");
    private static final List<String> VER_KEYS = List.of("Microsoft Windows [Version 10.0.19045.3803]",
            "Microsoft Windows [版本 10.0.19044.1586]", "Version 1809 (OS Build 17763.2628)", "(OS Build", "[Version");
    private static final List<String> LDCONFIG_KEYS = List.of("\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so.1",
            "\tlibnvidia-ml.so.1 (libc6,x86-64)", "540 libs found in cache `/etc/ld.so.cache'", " => ", "\tlibc.so.6 (");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"NAME=", "PRETTY_NAME=", "ID=", "VERSION_ID=", "\"", "'", "\\", "#"})
    void osRelease(byte[] input) {
        for (String text : FuzzText.all(input, OS_RELEASE_KEYS)) {
            OsReleaseParser.parse(text).ifPresent(r -> {
                assertThat(r.prettyName()).isNotBlank();
                assertThat(r.fields()).isNotEmpty().hasSizeLessThanOrEqualTo(256);
                assertThat(r.fields().keySet()).containsAnyOf("NAME", "PRETTY_NAME", "ID");
            });
        }
        if (input.length == 0) {
            assertThat(OsReleaseParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"10.0.", "19045", ".3803", "(OS Build ", ")", "[Version ", "]", "21H2"})
    void windowsVer(byte[] input) {
        check(WindowsVerParser.parse(input));
        for (String text : FuzzText.all(input, VER_KEYS)) {
            check(WindowsVerParser.parse(text));
        }
        if (input.length == 0) {
            assertThat(WindowsVerParser.parse((byte[]) null)).isEmpty();
            assertThat(WindowsVerParser.parse((String) null)).isEmpty();
        }
    }

    private static void check(java.util.Optional<WindowsVerParser.WindowsVer> ver) {
        ver.ifPresent(v -> {
            assertThat(v.build()).isBetween(0, 99999);
            assertThat(v.ubr()).isGreaterThanOrEqualTo(-1);
            assertThat(v.fullBuild()).startsWith(v.major() + "." + v.minor() + "." + v.build());
        });
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"Linux version ", "-microsoft-standard-WSL2", " (gcc version", " #1 SMP"})
    void procVersion(byte[] input) {
        for (String text : FuzzText.all(input, List.of("Linux version", "Linux version 6.6.87.2-microsoft-standard-WSL2"))) {
            ProcVersionParser.parse(text).ifPresent(release -> {
                assertThat(release).matches("\\S{1,256}");
                assertThat(text).contains("Linux version " + release);
            });
        }
        if (input.length == 0) {
            assertThat(ProcVersionParser.parse(null)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({" => ", " (", ")", "libc6,x86-64", "/usr/lib/", "libcuda.so.1"})
    void ldconfig(byte[] input) {
        for (String text : FuzzText.all(input, LDCONFIG_KEYS)) {
            LdconfigParser.parse(text).ifPresent(cache -> {
                assertThat(cache.entries()).isNotEmpty();
                cache.entries().forEach(e -> {
                    assertThat(e.path()).startsWith("/");
                    assertThat(e.soname()).isNotEmpty().doesNotContain(" ");
                    assertThat(cache.first(e.soname())).isPresent();
                });
            });
        }
        if (input.length == 0) {
            assertThat(LdconfigParser.parse(null)).isEmpty();
        }
    }
}
