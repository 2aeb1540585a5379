package io.github.gpuenv.cli.wsl;

import io.github.gpuenv.cli.GpuEnvCli;
import io.github.gpuenv.wsl.WslVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gpuenv wsl version [--json]}. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "WSL, kernel, WSLg, MSRDC, Direct3D, DXCore and Windows versions (any display language).")
public final class WslVersionCommand implements Callable<Integer> {

    @Mixin
    WslMixin common;

    @Override
    public Integer call() {
        WslVersion v = common.wsl().version();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("wsl", v.wslVersion());
        m.put("kernel", v.kernelVersion());
        m.put("wslg", v.wslgVersion());
        m.put("msrdc", v.msrdcVersion());
        m.put("direct3d", v.direct3dVersion());
        m.put("dxcore", v.dxcoreVersion());
        m.put("windows", v.windowsVersion());
        if (common.json()) {
            common.printJson(m);
        } else {
            m.forEach((k, value) -> common.out().printf("%-9s %s%n", k, value == null ? "-" : value));
            common.out().flush();
        }
        return GpuEnvCli.OK;
    }
}
