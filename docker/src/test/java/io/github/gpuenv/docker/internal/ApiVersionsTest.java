package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionsTest {

    @Test
    void usesTheServersVersionUpToTheSupportedMaximum() {
        assertThat(ApiVersions.negotiate("1.41", "1.12")).contains("1.41");
        assertThat(ApiVersions.negotiate("1.45", "1.24")).contains("1.45");
        // Engine 29: API 1.52, minimum 1.44 — docker-java's default 1.32 would be refused
        assertThat(ApiVersions.negotiate("1.52", "1.44")).contains(ApiVersions.MAX_SUPPORTED);
    }

    @Test
    void refusesWhenTheServersMinimumIsAboveWhatGpuenvSupports() {
        assertThat(ApiVersions.negotiate("1.60", "1.50")).isEmpty();
        assertThat(ApiVersions.negotiate("", "")).isEmpty();
        assertThat(ApiVersions.negotiate("x.y", "1.12")).isEmpty();
    }

    @Test
    void comparesNumerically() {
        assertThat(ApiVersions.compare("1.9", "1.10")).isNegative();
        assertThat(ApiVersions.compare("1.45", "1.45")).isZero();
    }
}
