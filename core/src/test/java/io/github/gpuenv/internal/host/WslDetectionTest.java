package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kernel string of shared/reference/formats.md, classified. */
class WslDetectionTest {

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
                "6.6.84.1-microsoft-standard-WSL2+", "5.15.153.1-microsoft-standard-WSL2"}) {
            assertThat(classify(release)).extracting(WslDetection::inside, WslDetection::version)
                    .as(release).containsExactly(true, 2);
        }
    }

    @Test
    void lowercaseMicrosoftWithoutWslNeedsAMarker() {
        assertThat(classify("4.19.128-microsoft-standard").inside()).isFalse();
        assertThat(classify("4.19.128-microsoft-standard").version()).isNull();
        WslDetection marked = WslDetection.classify("4.19.128-microsoft-standard", Optional.of("/run/WSL"));
        assertThat(marked).extracting(WslDetection::inside, WslDetection::version).containsExactly(true, 2);
        assertThat(marked.evidence()).isEqualTo("kernel release 4.19.128-microsoft-standard and /run/WSL");
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
}
