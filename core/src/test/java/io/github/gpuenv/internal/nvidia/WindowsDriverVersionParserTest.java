package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowsDriverVersionParserTest {

    @Test
    void driverStoreVersionsBecomeNvidiaVersions() {
        assertThat(WindowsDriverVersionParser.parse("DriverVersion=31.0.15.3179")).contains("531.79");
        assertThat(WindowsDriverVersionParser.parse("32.0.16.1088")).contains("610.88");
        assertThat(WindowsDriverVersionParser.parse("30.0.14.7212")).contains("472.12");
    }

    @Test
    void otherTextIsNotAVersion() {
        assertThat(WindowsDriverVersionParser.parse(null)).isEmpty();
        assertThat(WindowsDriverVersionParser.parse("")).isEmpty();
        assertThat(WindowsDriverVersionParser.parse("a1")).as("a Linux PCI revision").isEmpty();
        assertThat(WindowsDriverVersionParser.parse("580.159.04")).isEmpty();
        assertThat(WindowsDriverVersionParser.parse("1.2.3.4.5678")).isEmpty();
    }
}
