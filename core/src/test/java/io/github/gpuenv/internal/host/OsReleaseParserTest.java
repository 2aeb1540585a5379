package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.Fixtures;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

    @Test
    void debian12Capture() {
        var release = OsReleaseParser.parse(Fixtures.text("bare-linux-debian12/root/etc/os-release")).orElseThrow();
        assertThat(release.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(release.versionId()).isEqualTo("12");
        assertThat(release.id()).isEqualTo("debian");
        assertThat(release.fields()).containsEntry("VERSION_CODENAME", "bookworm").hasSize(9);
    }

    @Test
    void ubuntu2404Capture() {
        var release = OsReleaseParser.parse(Fixtures.text("h200-linux/root/etc/os-release")).orElseThrow();
        assertThat(release.prettyName()).isEqualTo("Ubuntu 24.04.3 LTS");
        assertThat(release.versionId()).isEqualTo("24.04");
        assertThat(release.id()).isEqualTo("ubuntu");
    }

    @Test
    void quotingCommentsAndFallbacks() {
        var release = OsReleaseParser.parse("# comment\nNAME='Arch Linux'\nID=arch\r\nBUILD_ID=rolling\n"
                + "VERSION=\"a \\\"quoted\\\" one\"\nnot an assignment\n=x\n").orElseThrow();
        assertThat(release.prettyName()).isEqualTo("Arch Linux a \"quoted\" one");
        assertThat(release.versionId()).isEmpty();
        assertThat(release.id()).isEqualTo("arch");
        assertThat(OsReleaseParser.parse("ID=alpine\n").orElseThrow().prettyName()).isEqualTo("Linux");
    }

    @Test
    void truncatedFileKeepsTheCompleteLines() {
        String full = Fixtures.text("bare-linux-debian12/root/etc/os-release");
        String truncated = full.substring(0, full.indexOf("VERSION_ID=\"12") + 13); // cut inside the quotes
        var release = OsReleaseParser.parse(truncated).orElseThrow();
        assertThat(release.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(release.versionId()).isEmpty();
    }

    @Test
    void emptyGarbageUtf16AndHugeInputAreUnrecognized() {
        assertThat(OsReleaseParser.parse(null)).isEmpty();
        assertThat(OsReleaseParser.parse("")).isEmpty();
        assertThat(OsReleaseParser.parse("\n\n   \n")).isEmpty();
        assertThat(OsReleaseParser.parse(ParserRobustness.megabyteOfGarbage())).isEmpty();
        assertThat(OsReleaseParser.parse("x".repeat(1024 * 1024))).isEmpty();
        // UTF-16 read as UTF-8: every other character is NUL, so no line is a KEY=value assignment
        assertThat(OsReleaseParser.parse(ParserRobustness.utf16ReadAsUtf8("PRETTY_NAME=\"Debian\"\nID=debian\n")))
                .isEmpty();
    }
}
