package io.github.gpuenv.junit;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind gpuenv-junit's annotations: it reads the run's one report ({@link DetectionOnce}) and enables
 * or disables the annotated class or method, saying why in gpuenv's words (the failing check's message and remedy).
 * It also gives a test method or constructor that asks for it the run's {@link GpuEnvReport}. Registered by the
 * annotations through {@code @ExtendWith}, or directly: {@code @ExtendWith(GpuConditions.class)}.
 */
public final class GpuConditions implements ExecutionCondition, ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GpuEnvReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return DetectionOnce.report(context);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        if (element.isEmpty()) {
            return ConditionEvaluationResult.enabled("no element");
        }
        List<Requirement> requirements = requirements(element.get());
        if (requirements.isEmpty()) {
            return ConditionEvaluationResult.enabled("no gpuenv condition here");
        }
        GpuEnvReport report = DetectionOnce.report(context);
        List<String> met = new ArrayList<>();
        for (Requirement r : requirements) {
            Verdict v = r.judge(report);
            if (!v.holds()) {
                return ConditionEvaluationResult.disabled(v.why());
            }
            met.add(v.why());
        }
        return ConditionEvaluationResult.enabled(String.join("; ", met));
    }

    /** What one annotation asks of the report. */
    private interface Requirement {
        Verdict judge(GpuEnvReport report);
    }

    /** Whether the requirement holds, and the evidence. */
    private record Verdict(boolean holds, String why) {
        Verdict negated(String prefix) {
            return new Verdict(!holds, prefix + why);
        }
    }

    private static List<Requirement> requirements(AnnotatedElement element) {
        List<Requirement> out = new ArrayList<>();
        AnnotationSupport.findAnnotation(element, EnabledIfGpu.class).ifPresent(a -> out.add(GpuConditions::gpu));
        AnnotationSupport.findAnnotation(element, DisabledIfGpu.class)
                .ifPresent(a -> out.add(r -> gpu(r).negated("@DisabledIfGpu: ")));
        AnnotationSupport.findAnnotation(element, EnabledIfCudaContainers.class)
                .ifPresent(a -> out.add(GpuConditions::cudaContainers));
        AnnotationSupport.findAnnotation(element, DisabledIfCudaContainers.class)
                .ifPresent(a -> out.add(r -> cudaContainers(r).negated("@DisabledIfCudaContainers: ")));
        AnnotationSupport.findAnnotation(element, EnabledIfCuda.class)
                .ifPresent(a -> out.add(cuda("@EnabledIfCuda", a.min())));
        AnnotationSupport.findAnnotation(element, DisabledIfCuda.class).ifPresent(a -> {
            Requirement cuda = cuda("@DisabledIfCuda", a.min());
            out.add(r -> cuda.judge(r).negated("@DisabledIfCuda: "));
        });
        AnnotationSupport.findAnnotation(element, EnabledIfGpuMemory.class)
                .ifPresent(a -> out.add(memory("@EnabledIfGpuMemory", a.min())));
        AnnotationSupport.findAnnotation(element, DisabledIfGpuMemory.class).ifPresent(a -> {
            Requirement memory = memory("@DisabledIfGpuMemory", a.min());
            out.add(r -> memory.judge(r).negated("@DisabledIfGpuMemory: "));
        });
        return out;
    }

    private static Verdict gpu(GpuEnvReport report) {
        List<GpuDevice> gpus = report.nvidia().map(NvidiaDriver::gpus).orElse(List.of());
        if (!gpus.isEmpty()) {
            GpuDevice first = gpus.get(0);
            return new Verdict(true, gpus.size() + " NVIDIA GPU(s), #0 " + first.name());
        }
        return new Verdict(false, "no NVIDIA GPU detected: " + explained(report.check("nvidia.gpu"),
                report.nvidia().describe()));
    }

    private static Verdict cudaContainers(GpuEnvReport report) {
        if (report.ready()) {
            return new Verdict(true, "this machine can run CUDA containers");
        }
        Optional<Check> first = report.failures().stream().findFirst();
        return new Verdict(false, "this machine cannot run CUDA containers: " + explained(first, "not ready"));
    }

    private static Requirement cuda(String annotation, String min) {
        if (io.github.gpuenv.internal.VersionNumber.parse(min).isEmpty()) {
            throw new IllegalArgumentException(annotation + "(min = \"" + min + "\"): not a version (e.g. \"12.0\")");
        }
        return report -> {
            String have = report.nvidia().map(NvidiaDriver::cudaDriverVersion).orElse(null);
            if (have == null) {
                return new Verdict(false, "the driver's CUDA version is not known (" + report.nvidia().describe()
                        + "), so CUDA " + min + " cannot be assumed");
            }
            boolean enough = !io.github.gpuenv.internal.VersionNumber.below(have, min);
            return new Verdict(enough, "the driver supports CUDA " + have + (enough ? ", at least " : ", below ")
                    + min);
        };
    }

    private static Requirement memory(String annotation, String min) {
        long bytes;
        try {
            bytes = MemorySize.bytes(min);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(annotation + "(min = \"" + min + "\"): " + e.getMessage(), e);
        }
        return report -> {
            List<GpuDevice> gpus = report.nvidia().map(NvidiaDriver::gpus).orElse(List.of());
            long most = gpus.stream().map(GpuDevice::memoryTotalBytes).filter(m -> m != null)
                    .mapToLong(Long::longValue).max().orElse(-1);
            if (most < 0) {
                return new Verdict(false, gpus.isEmpty() ? "no NVIDIA GPU detected (" + report.nvidia().describe()
                        + ")" : "the GPUs' memory is not known (the " + report.nvidia().map(NvidiaDriver::source)
                        .orElse("") + " source does not give it)");
            }
            boolean enough = most >= bytes;
            return new Verdict(enough, "the largest GPU has " + MemorySize.describe(most) + (enough ? ", at least "
                    : ", less than ") + min);
        };
    }

    /** A check's message and remedy, {@code "… → …"}; {@code fallback} when there is no such check. */
    private static String explained(Optional<Check> check, String fallback) {
        return check.map(c -> c.message() + (c.remedy().isEmpty() ? "" : " → " + c.remedy())).orElse(fallback);
    }
}
