package io.github.gpuenv.cli;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.report.ContainerToolkit;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.OperatingSystem;
import io.github.gpuenv.report.WindowsHost;
import io.github.gpuenv.report.WslEnvironment;
import io.github.gpuenv.report.WslHost;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a report for people: one line per fact, then the checks with their remedies and the verdict. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void printFacts(GpuEnvReport report, PrintWriter out) {
        row(out, "os", report.os(), ReportPrinter::os);
        row(out, "windows", report.windows(), ReportPrinter::windows);
        row(out, "wsl", report.wsl(), ReportPrinter::wsl);
        row(out, "wsl (host)", report.wslHost(), ReportPrinter::wslHost);
        row(out, "nvidia", report.nvidia(), ReportPrinter::nvidia);
        report.nvidia().toOptional().ifPresent(d -> d.gpus().forEach(g -> out.println(pad("") + gpu(g))));
        row(out, "container", report.container(), ReportPrinter::container);
        row(out, "toolkit", report.toolkit(), ReportPrinter::toolkit);
        row(out, "docker", report.docker(), ReportPrinter::docker);
    }

    static void printChecks(GpuEnvReport report, PrintWriter out) {
        for (Check c : report.checks()) {
            out.printf("%-8s %-22s %s%n", "[" + c.status().id().toUpperCase(Locale.ROOT) + "]", c.id(), c.message());
            if (!c.remedy().isEmpty() && c.status() != io.github.gpuenv.report.CheckStatus.PASS) {
                out.printf("%-8s %-22s → %s%n", "", "", c.remedy());
            }
        }
        out.println();
        out.println(report.ready() ? "READY: this machine can run CUDA containers."
                : "NOT READY: " + report.failures().size() + " blocking problem(s) above.");
    }

    private interface Summary<T> {
        String of(T value);
    }

    private static <T> void row(PrintWriter out, String name, Fact<T> fact, Summary<T> summary) {
        String text = fact instanceof Fact.Known<T> k ? summary.of(k.value()) + "  (" + k.probe() + ")"
                : "unknown — " + fact.describe();
        out.println(pad(name) + text);
    }

    private static String pad(String name) {
        return String.format("%-12s", name);
    }

    private static String os(OperatingSystem os) {
        return os.name() + " " + os.version() + ", kernel " + os.kernel() + ", " + os.arch();
    }

    private static String windows(WindowsHost w) {
        return w.product() + " build " + w.build() + (w.displayVersion() == null ? "" : " (" + w.displayVersion() + ")");
    }

    private static String wsl(WslEnvironment w) {
        if (!w.inside()) {
            return "not inside WSL";
        }
        return "WSL" + w.version() + " distro " + (w.distro() == null ? "?" : w.distro()) + ", kernel " + w.kernel()
                + ", GPU paravirtualization " + (w.gpuParavirtualization() ? "yes" : "no");
    }

    private static String wslHost(WslHost w) {
        if (!w.installed()) {
            return "not usable: " + (w.problem() == null ? "unknown" : w.problem().id());
        }
        return w.distributions().size() + " distribution(s), default "
                + (w.defaultDistribution() == null ? "none" : w.defaultDistribution())
                + (w.wslVersion() == null ? "" : ", WSL " + w.wslVersion());
    }

    private static String nvidia(NvidiaDriver d) {
        return "driver " + (d.driverVersion() == null ? "?" : d.driverVersion()) + ", CUDA "
                + (d.cudaDriverVersion() == null ? "?" : d.cudaDriverVersion()) + ", " + d.gpus().size() + " GPU(s)";
    }

    private static String gpu(GpuDevice g) {
        List<String> parts = new ArrayList<>();
        parts.add("#" + g.index() + " " + g.name());
        if (g.memoryTotalBytes() != null) {
            parts.add(g.memoryTotalBytes() / (1024 * 1024) + " MiB");
        }
        if (g.computeCapability() != null) {
            parts.add("cc " + g.computeCapability());
        }
        if (g.uuid() != null) {
            parts.add(g.uuid());
        }
        if (g.pciBusId() != null) {
            parts.add(g.pciBusId());
        }
        return String.join(", ", parts);
    }

    private static String container(ContainerEnvironment c) {
        if (!c.inside()) {
            return "not in a container";
        }
        return "inside " + (c.runtime() == null ? "a container" : c.runtime())
                + (c.visibleDevices() == null ? "" : ", NVIDIA_VISIBLE_DEVICES=" + c.visibleDevices());
    }

    private static String toolkit(ContainerToolkit t) {
        String bins = t.binaries().isEmpty() ? "not installed"
                : String.join(" ", t.binaries().stream().map(ContainerToolkit.Binary::name).toList());
        return bins + (t.nvidiaRuntime() ? ", docker runtime 'nvidia' configured" : "")
                + (t.cdiSpecs().isEmpty() ? "" : ", " + t.cdiSpecs().size() + " CDI spec(s)");
    }

    private static String docker(DockerEngine d) {
        return (d.podman() ? "Podman " : "Engine ") + d.serverVersion() + " (API " + d.apiVersion() + ") at "
                + d.endpoint() + ", GPU path " + d.gpuPath().id();
    }
}
