package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.cli.GpuEnvCli;
import io.github.gpuenv.wsl.Wsl;
import io.github.gpuenv.wsl.WslDistribution;
import io.github.gpuenv.report.WslState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gpuenv wsl list [--all] [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List WSL distributions (Docker Desktop's own docker-desktop* only with --all).")
public final class WslListCommand implements Callable<Integer> {

    @Mixin
    WslMixin common;

    @Option(names = "--all", description = "Include Docker Desktop's docker-desktop* distributions.")
    boolean all;

    @Override
    public Integer call() {
        Wsl wsl = common.wsl();
        List<WslDistribution> distros = all ? wsl.list() : wsl.listWithoutDockerDesktop();
        if (common.json()) {
            common.printJson(Map.of("distros", distros.stream().map(WslListCommand::json).toList()));
            return GpuEnvCli.OK;
        }
        var out = common.out();
        if (distros.isEmpty()) {
            out.println("no WSL distributions (install one: gpuenv wsl install Ubuntu-22.04)");
        } else {
            int width = Math.max(4, distros.stream().mapToInt(d -> d.name().length()).max().orElse(4));
            out.printf("  %-" + width + "s  %-12s  %s%n", "NAME", "STATE", "VERSION");
            for (WslDistribution d : distros) {
                String state = d.state() == WslState.UNKNOWN ? "Unknown (" + d.stateText() + ")" : d.state().word();
                out.printf("%s %-" + width + "s  %-12s  %d%n", d.isDefault() ? "*" : " ", d.name(), state, d.version());
            }
        }
        out.flush();
        return GpuEnvCli.OK;
    }

    static Map<String, Object> json(WslDistribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("state", d.state().word());
        m.put("stateText", d.stateText());
        m.put("version", d.version());
        m.put("default", d.isDefault());
        return m;
    }
}
