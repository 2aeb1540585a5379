package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.internal.host.WindowsVerParser.WindowsVer;
import io.github.gpuenv.testing.Fixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WindowsVerParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void englishVer() {
        // eclipse-openj9/openj9#12260, with the blank line and CRLFs cmd.exe prints
        assertThat(WindowsVerParser.parse(bytes("\r\nMicrosoft Windows [Version 10.0.18363.1377]\r\n")))
                .contains(new WindowsVer(10, 0, 18363, 1377, ""));
        assertThat(WindowsVerParser.parse(Fixtures.bytes("wsl2-5.15/cmd/ver.txt")).map(WindowsVer::fullBuild))
                .contains("10.0.19045.3803");
    }

    @Test
    void chineseVerInCodePage936AndInUtf8() {
        assertThat(WindowsVerParser.parse(Fixtures.bytes("wsl2-4.19/cmd/ver.txt")))
                .contains(new WindowsVer(10, 0, 19044, 1586, ""));
        assertThat(WindowsVerParser.parse(bytes("Microsoft Windows [版本 10.0.19044.1586]")))
                .contains(new WindowsVer(10, 0, 19044, 1586, ""));
        byte[] gbk = "Microsoft Windows [版本 10.0.19044.1586]\r\n".getBytes(Charset.forName("GBK"));
        assertThat(WindowsVerParser.parse(gbk)).contains(new WindowsVer(10, 0, 19044, 1586, ""));
    }

    @Test
    void otherLocalesParseTheNumberNotTheWords() {
        assertThat(WindowsVerParser.parse("Microsoft Windows [Versión 10.0.22631.4602]"))
                .contains(new WindowsVer(10, 0, 22631, 4602, ""));
        assertThat(WindowsVerParser.parse("Microsoft Windows [Версия 10.0.26100.2894]"))
                .contains(new WindowsVer(10, 0, 26100, 2894, ""));
    }

    @Test
    void mobyFormatGivesBuildUbrAndDisplayVersion() {
        assertThat(WindowsVerParser.parse(Fixtures.bytes("wsl2-shadowed/cmd/ver.txt")))
                .contains(new WindowsVer(10, 0, 17763, 2628, "1809"));
        assertThat(WindowsVerParser.parse("Microsoft Windows Version 21H2 (OS Build 19044.1200)"))
                .contains(new WindowsVer(10, 0, 19044, 1200, "21H2"));
    }

    @Test
    void oldVerWithoutRevision() {
        WindowsVer ver = WindowsVerParser.parse("Microsoft Windows [Version 10.0.10586]").orElseThrow();
        assertThat(ver).isEqualTo(new WindowsVer(10, 0, 10586, -1, ""));
        assertThat(ver.fullBuild()).isEqualTo("10.0.10586");
    }

    @Test
    void utf16WithAndWithoutBom() {
        String line = "\r\nMicrosoft Windows [Version 10.0.19045.3803]\r\n";
        byte[] le = line.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(le, 0, withBom, 2, le.length);
        WindowsVer expected = new WindowsVer(10, 0, 19045, 3803, "");
        assertThat(WindowsVerParser.parse(le)).contains(expected);
        assertThat(WindowsVerParser.parse(withBom)).contains(expected);
        assertThat(WindowsVerParser.parse(line.getBytes(StandardCharsets.UTF_16BE))).contains(expected);
    }

    @Test
    void truncatedOutput() {
        assertThat(WindowsVerParser.parse("\r\nMicrosoft Windows [Version 10.0.190")).isEmpty();
        // cut inside the revision: the build is whole, the revision as far as it goes; the check only relies on
        // the build when the revision is missing
        assertThat(WindowsVerParser.parse("Microsoft Windows [Version 10.0.19045.38"))
                .contains(new WindowsVer(10, 0, 19045, 38, ""));
        assertThat(WindowsVerParser.parse("Microsoft Windows [Version 10.0.19045.")).contains(
                new WindowsVer(10, 0, 19045, -1, ""));
    }

    @Test
    void emptyGarbageAndHugeInputAreUnrecognized() {
        assertThat(WindowsVerParser.parse((byte[]) null)).isEmpty();
        assertThat(WindowsVerParser.parse(new byte[0])).isEmpty();
        assertThat(WindowsVerParser.parse("")).isEmpty();
        assertThat(WindowsVerParser.parse("'cmd.exe' is not recognized as an internal or external command")).isEmpty();
        assertThat(WindowsVerParser.parse("Microsoft Windows [Version 6.3]")).isEmpty();
        assertThat(WindowsVerParser.parse(ParserRobustness.megabyteOfGarbage())).isEmpty();
        assertThat(WindowsVerParser.parse("1".repeat(1024 * 1024))).isEmpty();
        assertThat(WindowsVerParser.parse("(".repeat(512 * 1024) + "1".repeat(512 * 1024))).isEmpty();
        assertThat(WindowsVerParser.parse("1.".repeat(512 * 1024))).isEmpty();
    }

    @Test
    void aBuildAfterAMegabyteOfBlankLinesIsStillFound() {
        String text = "\r\n".repeat(512 * 1024) + "Microsoft Windows [Version 10.0.22631.4602]\r\n";
        assertThat(WindowsVerParser.parse(text)).contains(new WindowsVer(10, 0, 22631, 4602, ""));
    }
}
