package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only when this machine can run CUDA containers (the report is {@code ready}); otherwise it is
 * disabled with the first blocking check's message and remedy.
 *
 * <p>{@code @EnabledIfCudaContainers @Test void trainsInAContainer() { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface EnabledIfCudaContainers {
}
