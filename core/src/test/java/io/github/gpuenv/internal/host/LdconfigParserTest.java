package io.github.gpuenv.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.internal.host.LdconfigParser.Entry;
import io.github.gpuenv.testing.Fixtures;
import org.junit.jupiter.api.Test;

class LdconfigParserTest {

    @Test
    void realDebian12Cache() {
        var cache = LdconfigParser.parse(Fixtures.text("bare-linux-debian12/cmd/ldconfig-p.txt")).orElseThrow();
        assertThat(cache.entries()).hasSize(540);
        assertThat(cache.entries().get(0))
                .isEqualTo(new Entry("libz3.so.4", "libc6,x86-64", "/lib/x86_64-linux-gnu/libz3.so.4"));
        assertThat(cache.first("libcuda.so.1")).isEmpty();
    }

    @Test
    void realH200CacheKeepsLoaderOrder() {
        var cache = LdconfigParser.parse(Fixtures.text("h200-linux/cmd/ldconfig-p-nvidia.txt")).orElseThrow();
        assertThat(cache.entriesFor("libvdpau_nvidia.so.1")).extracting(Entry::path)
                .containsExactly("/usr/local/nvidia/lib64/libvdpau_nvidia.so.1", "/lib/libvdpau_nvidia.so.1");
    }

    @Test
    void shadowedWslCacheListsTheLinuxCopyFirst() {
        var cache = LdconfigParser.parse(Fixtures.text("wsl2-shadowed/cmd/ldconfig-p.txt")).orElseThrow();
        assertThat(cache.first("libnvidia-ml.so.1")).map(Entry::path)
                .contains("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1");
        assertThat(cache.first("libcuda.so.1")).map(Entry::path).contains("/usr/lib/wsl/lib/libcuda.so.1");
    }

    @Test
    void flagsWithOsAbiAndOddLines() {
        var cache = LdconfigParser.parse("2 libs found\n"
                + "\tlibc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6\n"
                + "\tlibcuda.so.1 (libc6) => /usr/lib/i386-linux-gnu/libcuda.so.1\n"
                + "\tbroken line => relative/path\n"
                + "\tno arrow (libc6)\n").orElseThrow();
        assertThat(cache.entries()).containsExactly(
                new Entry("libc.so.6", "libc6,x86-64, OS ABI: Linux 3.2.0", "/lib/x86_64-linux-gnu/libc.so.6"),
                new Entry("libcuda.so.1", "libc6", "/usr/lib/i386-linux-gnu/libcuda.so.1"));
    }

    @Test
    void truncatedOutputKeepsCompleteEntries() {
        String full = Fixtures.text("wsl2-shadowed/cmd/ldconfig-p.txt");
        String truncated = full.substring(0, full.indexOf("libnvidia-encode") + 30);
        var cache = LdconfigParser.parse(truncated).orElseThrow();
        assertThat(cache.entries()).hasSize(3);
    }

    @Test
    void emptyGarbageUtf16AndHugeInputAreUnrecognized() {
        assertThat(LdconfigParser.parse(null)).isEmpty();
        assertThat(LdconfigParser.parse("")).isEmpty();
        assertThat(LdconfigParser.parse("0 libs found in cache `/etc/ld.so.cache'\n")).isEmpty();
        assertThat(LdconfigParser.parse("ldconfig: Can't open cache file /etc/ld.so.cache\n: No such file")).isEmpty();
        assertThat(LdconfigParser.parse(ParserRobustness.megabyteOfGarbage())).isEmpty();
        assertThat(LdconfigParser.parse(" => ".repeat(256 * 1024))).isEmpty();
        assertThat(LdconfigParser.parse(ParserRobustness.utf16ReadAsUtf8(
                "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/wsl/lib/libcuda.so.1\n"))).isEmpty();
    }
}
