package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only when the NVIDIA driver supports at least CUDA {@link #min()} (the driver's CUDA version, e.g.
 * {@code 13.0} for driver 580); disabled when it is older or unknown.
 *
 * <p>{@code @EnabledIfCuda(min = "12.0") @Test void usesCuda12() { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface EnabledIfCuda {
    /** The lowest CUDA version, e.g. {@code "12.0"}. */
    String min();
}
