package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpuenv.docker.ImageNotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    private static final String HEX64 = "c745d1b2a0d4c1f0e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6";

    @ParameterizedTest
    @ValueSource(strings = {"busybox", "nvidia/cuda:12.4.1-base-ubuntu22.04", "127.0.0.1:5000/gpuenv/busybox:test",
            "localhost:5000/a/b_c__d-e:T.1", "nvcr.io/nvidia/cuda@sha256:" + HEX64, "gpuenv/busybox:test@sha256:" + HEX64,
            "sha256:" + HEX64, "registry-1.docker.io/library/ubuntu:22.04"})
    void referencesDockerAccepts(String image) {
        assertThat(ImageReference.isValid(image)).isTrue();
        assertThat(ImageReference.require("run", image)).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-evil", "--privileged", "Busybox", "busybox;id", "busybox$(id)", "busybox`id`",
            "busybox:test\nid", "busybox:test&fromImage=x", "../../containers/json", "busybox:", "a b", "busybox:-x",
            "nvidia/cuda@sha256:short", "/abs", "busybox//x", "busybox?x=1", "busybox#x"})
    void namesThatAreNotReferences(String image) {
        assertThat(ImageReference.isValid(image)).isFalse();
        assertThatThrownBy(() -> ImageReference.require("pull " + image, image))
                .isInstanceOf(ImageNotFoundException.class).hasMessageContaining("invalid reference format")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
