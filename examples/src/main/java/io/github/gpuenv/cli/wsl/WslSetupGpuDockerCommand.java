package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.cli.GpuEnvCli;
import io.github.gpuenv.wsl.setup.WslGpuDockerSetup;
import io.github.gpuenv.wsl.setup.WslSetupException;
import io.github.gpuenv.wsl.setup.WslSetupListener;
import io.github.gpuenv.wsl.setup.WslSetupStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gpuenv wsl setup-gpu-docker --distro NAME --dir DIR [--tar FILE] [--dry-run]}: exit 1 when a step fails. */
@Command(name = "setup-gpu-docker", mixinStandardHelpOptions = true,
        description = "Set up a WSL 2 distribution with Docker Engine and the NVIDIA Container Toolkit, step by step"
                + " (resumable: steps already done are skipped).")
public final class WslSetupGpuDockerCommand implements Callable<Integer> {

    @Mixin
    WslMixin common;

    @Option(names = "--distro", required = true, paramLabel = "NAME", description = "The distribution to set up.")
    String distro;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where its virtual disk goes (Windows path).")
    String directory;

    @Option(names = "--tar", paramLabel = "FILE", description = "Import this tar file instead of copying a Store distribution.")
    String tar;

    @Option(names = "--source", paramLabel = "NAME", description = "The Store distribution to copy (default Ubuntu-22.04).")
    String source;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The smoke-test image (default nvidia/cuda:12.4.1-base-ubuntu22.04).")
    String image;

    @Option(names = "--dry-run", description = "Print the exact commands; run nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        WslGpuDockerSetup.Builder builder = WslGpuDockerSetup.builder(common.wsl(), distro, directory);
        if (tar != null) {
            builder.fromTar(tar);
        }
        if (source != null) {
            builder.sourceDistribution(source);
        }
        if (image != null) {
            builder.smokeImage(image);
        }
        WslGpuDockerSetup setup = builder.build();
        var out = common.out();
        if (dryRun) {
            if (common.json()) {
                common.printJson(Map.of("steps", setup.steps().stream().map(s -> Map.of("id", s.id(),
                        "description", s.description(), "commands", s.commands())).toList()));
            } else {
                setup.dryRun().forEach(out::println);
                out.flush();
            }
            return GpuEnvCli.OK;
        }
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        try {
            setup.run(new WslSetupListener() {
                @Override
                public void skipped(WslSetupStep step) {
                    report(step, "skipped", "[skip] " + step.id() + " (already done)");
                }

                @Override
                public void started(WslSetupStep step) {
                    if (!common.json()) {
                        out.println("[run ] " + step.id() + ": " + step.description());
                        out.flush();
                    }
                }

                @Override
                public void finished(WslSetupStep step) {
                    report(step, "done", "[ok  ] " + step.id());
                }

                @Override
                public void failed(WslSetupStep step, WslSetupException failure) {
                    report(step, "failed", "[FAIL] " + step.id() + ": " + failure.diagnosis() + "\n       → "
                            + failure.remedy());
                }

                private void report(WslSetupStep step, String outcome, String line) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("step", step.id());
                    m.put("outcome", outcome);
                    events.add(m);
                    if (!common.json()) {
                        out.println(line);
                        out.flush();
                    }
                }
            });
        } catch (WslSetupException e) {
            if (common.json()) {
                common.printJson(Map.of("ok", false, "steps", events, "failedStep", e.step(),
                        "diagnosis", e.diagnosis(), "remedy", e.remedy()));
            }
            return GpuEnvCli.NOT_READY;
        }
        if (common.json()) {
            common.printJson(Map.of("ok", true, "steps", events));
        } else {
            out.println("done: " + distro + " runs CUDA containers with Docker and the NVIDIA Container Toolkit");
            out.flush();
        }
        return GpuEnvCli.OK;
    }
}
