package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only when some detected GPU has at least {@link #min()} of memory; disabled when none has, or the
 * memory is not known.
 *
 * <p>{@code @EnabledIfGpuMemory(min = "16GiB") @Test void fitsTheModel() { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface EnabledIfGpuMemory {
    /**
     * The least memory, e.g. {@code "16GiB"}, {@code "80 GB"}, {@code "512MiB"} or a number of bytes; binary units
     * ({@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}) and decimal ones ({@code KB}, {@code MB}, {@code GB},
     * {@code TB}).
     */
    String min();
}
