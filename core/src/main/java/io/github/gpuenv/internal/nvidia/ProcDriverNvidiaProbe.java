package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.internal.procfs.ProcDriverVersionParser;
import io.github.gpuenv.internal.procfs.ProcGpuInformation;
import io.github.gpuenv.internal.procfs.ProcGpuInformationParser;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.OsFamily;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import io.github.gpuenv.system.FileView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The NVIDIA fact from the kernel module's files: {@code /proc/driver/nvidia/version} (driver version) and
 * {@code /proc/driver/nvidia/gpus/<bus>/information} (model, UUID, bus location). Linux only; reads a few small files
 * and runs nothing. GPUs are numbered by PCI bus id, as nvidia-smi numbers them; GPUs the driver excludes are left
 * out. Memory, compute capability, MIG mode and the CUDA version are not in these files: they are null / empty.
 *
 * <p>Unknown: {@code not-applicable} off Linux; {@code not-found} when the version file is absent (module not loaded
 * or no driver, as in WSL, whose GPU is not a PCI device of the Linux kernel); {@code unrecognized-output} when it
 * names no version.
 */
final class ProcDriverNvidiaProbe implements Probe<NvidiaDriver> {

    static final String ID = "procfs";
    static final String VERSION_FILE = "/proc/driver/nvidia/version";
    static final String GPUS_DIR = "/proc/driver/nvidia/gpus";
    private static final int MAX_FILE_BYTES = 64 * 1024;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Fact<NvidiaDriver> probe(ProbeContext context) {
        if (context.osFamily() != OsFamily.LINUX) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "/proc/driver/nvidia exists on Linux only");
        }
        FileView files = context.files();
        Optional<String> versionText = read(files, VERSION_FILE);
        if (versionText.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "no " + VERSION_FILE + " (the nvidia kernel module is not loaded)");
        }
        Optional<String> version = ProcDriverVersionParser.parse(versionText.get());
        if (version.isEmpty()) {
            return Fact.unknown(Reason.UNRECOGNIZED_OUTPUT, VERSION_FILE + " names no driver version: "
                    + NvidiaSmiErrorParser.firstLine(versionText.get()));
        }
        return Fact.known(new NvidiaDriver(version.get(), "", ID, gpus(files)), ID);
    }

    private static List<GpuDevice> gpus(FileView files) {
        List<Entry> entries = new ArrayList<>();
        for (String dir : files.list(GPUS_DIR)) {
            Optional<ProcGpuInformation> info = read(files, GPUS_DIR + "/" + dir + "/information")
                    .flatMap(ProcGpuInformationParser::parse);
            if (info.isPresent() && info.get().excluded()) {
                continue;
            }
            String bus = info.map(ProcGpuInformation::busLocation).orElse(dir);
            entries.add(new Entry(bus, PciBusId.parse(bus).or(() -> PciBusId.parse(dir)), info));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.order().orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Entry::bus));
        List<GpuDevice> gpus = new ArrayList<>();
        for (Entry e : entries) {
            int index = gpus.size();
            gpus.add(e.info().map(i -> new GpuDevice(index, i.model(), i.uuid(), e.bus(), null, null, null))
                    .orElseGet(() -> new GpuDevice(index, "", null, e.bus(), null, null, null,
                            GPUS_DIR + "/" + e.bus() + "/information is missing or unrecognized")));
        }
        return gpus;
    }

    private record Entry(String bus, Optional<PciBusId> order, Optional<ProcGpuInformation> info) {
    }

    private static Optional<String> read(FileView files, String path) {
        return files.read(path, MAX_FILE_BYTES).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }
}
