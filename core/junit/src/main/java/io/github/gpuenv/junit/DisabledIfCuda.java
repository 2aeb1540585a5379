package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Disables the test when the NVIDIA driver supports at least CUDA {@link #min()} (the twin of {@link
 * EnabledIfCuda}; unknown counts as not supported).
 *
 * <p>{@code @DisabledIfCuda(min = "12.0") @Test void needsAnOlderDriver() { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface DisabledIfCuda {
    /** The CUDA version from which the test is disabled, e.g. {@code "12.0"}. */
    String min();
}
