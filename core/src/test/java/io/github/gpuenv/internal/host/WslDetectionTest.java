package io.github.gpuenv.internal.host;

import io.github.gpuenv.internal.ProcVersionParser;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.spi.WslDetection;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.system.FileView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kernel string of shared/reference/formats.md, classified by the one WSL rule; interop from binfmt_misc. */
class WslDetectionTest {

    @TempDir
    Path root;

    private static WslDetection classify(String release) {
        return WslDetection.classify(release, Optional.empty());
    }

    @Test
    void wsl1Kernels() {
        assertThat(classify("4.4.0-19041-Microsoft")).extracting(WslDetection::inside, WslDetection::version)
                .containsExactly(true, 1);
        assertThat(classify("3.4.0-Microsoft")).extracting(WslDetection::inside, WslDetection::version)
                .containsExactly(true, 1);
    }

    @Test
    void wsl2Kernels() {
        for (String release : new String[] {"5.4.72-microsoft-standard-WSL2", "6.6.87.2-microsoft-standard-WSL2",
                "6.6.84.1-microsoft-standard-WSL2+", "5.15.153.1-microsoft-standard-WSL2", "4.19.128-microsoft-standard",
                "6.1.21-microsoft-custom", "5.15.90.1-microsoft-custom-WSL2"}) {
            assertThat(classify(release)).extracting(WslDetection::inside, WslDetection::version)
                    .as(release).containsExactly(true, 2);
        }
    }

    @Test
    void aMarkerMakesAnyKernelWsl() {
        WslDetection marked = WslDetection.classify("6.1.0-my-own-kernel", Optional.of("/run/WSL"));
        assertThat(marked).extracting(WslDetection::inside, WslDetection::version).containsExactly(true, null);
        assertThat(marked.evidence()).isEqualTo("kernel release 6.1.0-my-own-kernel and /run/WSL");
    }

    @Test
    void otherKernelsAreOutside() {
        for (String release : new String[] {"6.1.0-27-amd64", "5.15.0-1034-azure", "6.18.44-fc-v669", "6.8.0-49-generic"}) {
            assertThat(classify(release).inside()).as(release).isFalse();
        }
        assertThat(classify("5.10.0-WSL").version()).isNull();
        assertThat(classify("5.10.0-WSL").inside()).isTrue();
    }

    @Test
    void interopIsTheRegisteredBinfmtEntry() throws IOException {
        write("proc/sys/kernel/osrelease", "6.1.21-microsoft-custom\n");
        Environment env = new Environment(Map.of(), Map.of());
        WslDetection off = WslDetection.detect(FileView.rooted(root), env).orElseThrow();
        assertThat(off).extracting(WslDetection::inside, WslDetection::interop).containsExactly(true, false);
        assertThat(off.whyNoWindowsPrograms()).get().asString().startsWith("inside WSL with interop disabled");

        write("proc/sys/fs/binfmt_misc/WSLInterop-late", "enabled\ninterpreter /init\nflags: PF\n");
        assertThat(WslDetection.detect(FileView.rooted(root), env).orElseThrow().interop()).isTrue();
        write("proc/sys/fs/binfmt_misc/WSLInterop", "disabled\ninterpreter /init\nflags: PF\n");
        assertThat(WslDetection.detect(FileView.rooted(root), env).orElseThrow().interop()).isFalse();
    }

    @Test
    void aMarkerAloneIsEnoughWhenTheReleaseCannotBeRead() {
        FileView empty = FileView.rooted(root);
        assertThat(WslDetection.detect(empty, new Environment(Map.of(), Map.of()))).isEmpty();
        WslDetection d = WslDetection.detect(empty, new Environment(Map.of("WSL_DISTRO_NAME", "Ubuntu"), Map.of()))
                .orElseThrow();
        assertThat(d).extracting(WslDetection::inside, WslDetection::kernelRelease, WslDetection::interop)
                .containsExactly(true, "", false);
    }

    @Test
    void windowsProgramsAreFoundOnPathThenInSystem32() throws IOException {
        Environment env = new Environment(Map.of("PATH", "/usr/bin:/mnt/c/WINDOWS/system32:relative"), Map.of());
        assertThat(WslDetection.windowsProgram("wsl.exe", FileView.rooted(root), env)).isEmpty();
        write("mnt/c/Windows/System32/wsl.exe", "");
        assertThat(WslDetection.windowsProgram("wsl.exe", FileView.rooted(root), env))
                .contains("/mnt/c/Windows/System32/wsl.exe");
        write("mnt/c/WINDOWS/system32/wsl.exe", "");
        assertThat(WslDetection.windowsProgram("wsl.exe", FileView.rooted(root), env))
                .contains("/mnt/c/WINDOWS/system32/wsl.exe");
    }

    @Test
    void procVersionFallback() {
        assertThat(ProcVersionParser.parse("Linux version 6.6.87.2-microsoft-standard-WSL2 (root@439a258ad544) (gcc"
                + " (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP PREEMPT_DYNAMIC Thu Jun  5 18:30:46 UTC 2025"))
                .contains("6.6.87.2-microsoft-standard-WSL2");
        assertThat(ProcVersionParser.parse("")).isEmpty();
        assertThat(ProcVersionParser.parse(null)).isEmpty();
        assertThat(ProcVersionParser.parse("Linux version ")).isEmpty();
        assertThat(ProcVersionParser.parse(ParserRobustness.megabyteOfGarbage())).isEmpty();
        assertThat(ProcVersionParser.parse("Linux version " + "x".repeat(1024 * 1024))).contains("x".repeat(256));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
