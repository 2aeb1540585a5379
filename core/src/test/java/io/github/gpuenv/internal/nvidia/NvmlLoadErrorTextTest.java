package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmlLoadErrorTextTest {

    @Test
    void jnasLoadErrorIsOneSentenceWithoutRepeatsOrResourcePath() {
        // the text JNA 5.19 gave on this machine (no NVIDIA driver), whitespace as printed
        String jna = "Unable to load library 'libnvidia-ml.so.1':\nlibnvidia-ml.so.1: cannot open shared object file:"
                + " No such file or directory\nlibnvidia-ml.so.1: cannot open shared object file: No such file or"
                + " directory\nNative library (linux-x86-64/libnvidia-ml.so.1) not found in resource path"
                + " (examples/target/gpuenv.jar)";
        assertThat(NvmlSessions.shorten(jna)).isEqualTo("Unable to load library 'libnvidia-ml.so.1': libnvidia-ml.so.1:"
                + " cannot open shared object file: No such file or directory");
    }

    @Test
    void otherTextIsKeptOnOneLineAndBounded() {
        assertThat(NvmlSessions.shorten("a\n b")).isEqualTo("a b");
        assertThat(NvmlSessions.shorten("x".repeat(1000))).hasSizeLessThan(400).endsWith("…");
        assertThat(NvmlSessions.shorten("")).isEmpty();
        assertThat(NvmlSessions.shorten("Unable to load library 'x': ")).isEqualTo("Unable to load library 'x':");
    }
}
