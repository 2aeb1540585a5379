package io.github.gpuenv.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Disables the test when some detected GPU has at least {@link #min()} of memory (the twin of {@link
 * EnabledIfGpuMemory}).
 *
 * <p>{@code @DisabledIfGpuMemory(min = "80GiB") @Test void runsOnSmallGpus() { … }}
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GpuConditions.class)
public @interface DisabledIfGpuMemory {
    /** The memory from which the test is disabled, in {@link EnabledIfGpuMemory#min()}'s syntax. */
    String min();
}
