package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only when at least one NVIDIA GPU is detected (the {@code nvidia} fact lists a GPU); otherwise it
 * is disabled with the {@code nvidia.gpu} check's message and remedy.
 *
 * <p>{@code @EnabledIfGpu class TrainingTest { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface EnabledIfGpu {
}
