package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.Attach;
import io.github.gpuenv.docker.GpuRequest;
import io.github.gpuenv.report.GpuDevice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a {@link GpuRequest} against the GPUs of the engine's host, as the component that will resolve it does:
 * <ul>
 *   <li>{@link Attach#TOOLKIT} — libnvidia-container's {@code select_devices}: {@code all} (any case); a whole GPU
 *       UUID ({@code GPU-…}, any case; a prefix is not enough); a PCI bus id ({@code domain:bus:device.0}); a
 *       decimal index below the GPU count; a MIG UUID ({@code MIG-…}) or {@code gpu:mig} index pair; anything else is
 *       {@code unknown device}. Empty entries are skipped.</li>
 *   <li>{@link Attach#CDI} and {@link Attach#INJECT} — names of NVIDIA's CDI spec ({@code nvidia.com/gpu=<id>}):
 *       {@code all}, the index as a plain decimal, the UUID exactly as the driver spells it, MIG names; another name
 *       may be a spec's own and is not judged. CDI names of other kinds are not judged.</li>
 * </ul>
 * A count selects indices {@code 0…N−1}, {@code all} every GPU. MIG devices are judged only against what is known:
 * a GPU whose MIG mode is {@code Disabled} has none; one with MIG enabled may have any. Pure; never throws.
 *
 * <p>{@code Selection s = PreflightGpuSelection.resolve(GpuRequest.devices("7"), Attach.CDI, driver.gpus());}
 */
final class PreflightGpuSelection {

    private static final Pattern INDEX = Pattern.compile("\\+?[0-9]+");
    private static final Pattern CDI_INDEX = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern PCI = Pattern.compile("([0-9A-Fa-f]+):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2})\\.0");
    private static final Pattern MIG_PAIR = Pattern.compile("\\+?([0-9]+):\\+?([0-9]+)");
    private static final String NVIDIA_GPU = "nvidia.com/gpu=";
    private static final int MAX_ID_LENGTH = 256;

    private PreflightGpuSelection() {
    }

    /**
     * What a request selects.
     *
     * @param gpus the whole GPUs selected (MIG devices count as their parent GPU), in index order
     * @param problems why the request cannot be served, one line per bad entry; empty when none
     * @param notes what is fine but worth saying (MIG mode of a selected GPU, entries not judged)
     * @param complete whether every entry was judged (false when one is a MIG device or a spec's own name)
     */
    record Selection(List<GpuDevice> gpus, List<String> problems, List<String> notes, boolean complete) {
        Selection {
            gpus = List.copyOf(gpus);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /** Resolves {@code request}, attached as {@code attach}, against {@code hostGpus}. */
    static Selection resolve(GpuRequest request, Attach attach, List<GpuDevice> hostGpus) {
        List<GpuDevice> gpus = hostGpus.stream().sorted(Comparator.comparingInt(GpuDevice::index)).toList();
        Builder b = new Builder(gpus);
        if (request.isCdi()) {
            for (String name : request.cdiDevices()) {
                if (name.startsWith(NVIDIA_GPU)) {
                    b.cdiEntry(name.substring(NVIDIA_GPU.length()), name);
                } else {
                    b.notJudged("CDI device " + name + " is not an NVIDIA GPU name (nvidia.com/gpu=…): not checked");
                }
            }
        } else if (request.count() == -1) {
            b.all();
        } else if (request.count() > 0) {
            if (request.count() > gpus.size()) {
                b.problems.add("--gpus " + request.count() + " asks for " + request.count() + " GPU"
                        + (request.count() == 1 ? "" : "s") + "; this host has " + count(gpus.size()));
            } else {
                gpus.subList(0, request.count()).forEach(b::select);
            }
        } else {
            boolean toolkit = attach == Attach.TOOLKIT;
            for (String id : request.deviceIds()) {
                String entry = id.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                if (toolkit) {
                    b.toolkitEntry(entry);
                } else {
                    b.cdiEntry(entry, NVIDIA_GPU + entry);
                }
            }
        }
        return b.build();
    }

    /** The host's GPUs, one per line: {@code 0: NVIDIA H200 GPU-3c9660b5-… (MIG enabled)}. */
    static String list(List<GpuDevice> gpus) {
        if (gpus.isEmpty()) {
            return "no GPU";
        }
        StringBuilder out = new StringBuilder(count(gpus.size())).append(':');
        gpus.stream().sorted(Comparator.comparingInt(GpuDevice::index)).forEach(g -> out.append(' ')
                .append(describe(g)).append(';'));
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** {@code 0: NVIDIA H200 GPU-3c9660b5-f808-f2f1-e2e3-93f23847a0bf}. */
    static String describe(GpuDevice g) {
        return g.index() + ": " + (g.name() == null ? "(name unknown)" : g.name())
                + (g.uuid() == null ? "" : " " + g.uuid())
                + ("Enabled".equalsIgnoreCase(String.valueOf(g.migMode())) ? " (MIG enabled)" : "");
    }

    private static String count(int n) {
        return n == 0 ? "no GPU" : n + " GPU" + (n == 1 ? "" : "s");
    }

    private static String shown(String entry) {
        String printable = entry.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? entry
                : entry.codePoints().map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 80 ? printable.substring(0, 77) + "…" : printable;
    }

    private static final class Builder {
        final List<GpuDevice> gpus;
        final Set<GpuDevice> selected = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean complete = true;

        Builder(List<GpuDevice> gpus) {
            this.gpus = gpus;
        }

        void select(GpuDevice gpu) {
            selected.add(gpu);
        }

        void all() {
            gpus.forEach(this::select);
        }

        void notJudged(String note) {
            notes.add(note);
            complete = false;
        }

        /** One entry of NVIDIA_VISIBLE_DEVICES, as libnvidia-container's select_gpu_device/select_mig_device. */
        void toolkitEntry(String entry) {
            if (entry.length() > MAX_ID_LENGTH) {
                problems.add("device '" + shown(entry) + "' is no GPU of this host (" + entry.length()
                        + " characters)");
                return;
            }
            if (entry.equalsIgnoreCase("all")) {
                all();
                return;
            }
            if (entry.regionMatches(true, 0, "GPU-", 0, 4) && entry.length() > 4) {
                for (GpuDevice g : gpus) {
                    if (g.uuid() != null && g.uuid().equalsIgnoreCase(entry)) {
                        select(g);
                        return;
                    }
                }
            }
            Matcher pci = PCI.matcher(entry);
            if (pci.lookingAt()) {
                for (GpuDevice g : gpus) {
                    if (samePciBus(g.pciBusId(), pci)) {
                        select(g);
                        return;
                    }
                }
            }
            if (INDEX.matcher(entry).matches()) {
                Integer index = index(entry);
                if (index != null && index < gpus.size()) {
                    select(gpus.get(index));
                    return;
                }
            }
            if (migEntry(entry)) {
                return;
            }
            problems.add(unknownDevice(entry));
        }

        /** One device name of NVIDIA's CDI spec (nvidia.com/gpu=<id>); {@code name} is how the request spells it. */
        void cdiEntry(String id, String name) {
            if (id.length() > MAX_ID_LENGTH) {
                problems.add(shown(name.substring(0, 40)) + "…: no such GPU on this host (" + id.length()
                        + " characters)");
                return;
            }
            if (id.equals("all")) {
                all();
                return;
            }
            if (CDI_INDEX.matcher(id).matches()) {
                Integer index = index(id);
                if (index != null && index < gpus.size()) {
                    select(gpus.get(index));
                } else {
                    problems.add(shown(name) + ": this host has no GPU " + shown(id));
                }
                return;
            }
            if (id.startsWith("GPU-") || id.regionMatches(true, 0, "GPU-", 0, 4)) {
                for (GpuDevice g : gpus) {
                    if (id.equals(g.uuid())) {
                        select(g);
                        return;
                    }
                }
                for (GpuDevice g : gpus) {
                    if (g.uuid() != null && g.uuid().equalsIgnoreCase(id)) {
                        problems.add(shown(name) + ": CDI device names are exact; GPU " + g.index()
                                + "'s UUID is spelled " + g.uuid());
                        return;
                    }
                }
                problems.add(unknownDevice(id));
                return;
            }
            if (migEntry(id)) {
                return;
            }
            if (INDEX.matcher(id).matches() || PCI.matcher(id).matches()) {
                problems.add(shown(name) + ": NVIDIA's CDI specs name GPUs by index (0, 1, …) and UUID, not "
                        + shown(id));
                return;
            }
            notJudged(shown(name) + " is not an index, UUID or MIG name: not checked (a spec may define it)");
        }

        /** A MIG UUID or gpu:mig pair; true when {@code entry} is one (judged or not). */
        boolean migEntry(String entry) {
            if (entry.regionMatches(true, 0, "MIG-", 0, 4) && entry.length() > 4) {
                List<GpuDevice> migGpus = gpus.stream().filter(g -> !"Disabled".equalsIgnoreCase(
                        String.valueOf(g.migMode()))).toList();
                if (migGpus.isEmpty()) {
                    problems.add(shown(entry) + " is a MIG device, and no GPU of this host has MIG enabled");
                } else {
                    notJudged(shown(entry) + " is a MIG device: gpuenv does not list MIG devices, not checked");
                }
                return true;
            }
            Matcher pair = MIG_PAIR.matcher(entry);
            if (pair.matches()) {
                Integer gpu = index(pair.group(1));
                if (gpu == null || gpu >= gpus.size()) {
                    problems.add(shown(entry) + " is MIG device " + shown(pair.group(2)) + " of GPU "
                            + shown(pair.group(1)) + ", and this host has no GPU " + shown(pair.group(1)));
                } else if ("Disabled".equalsIgnoreCase(String.valueOf(gpus.get(gpu).migMode()))) {
                    problems.add(shown(entry) + " is a MIG device of GPU " + gpu + ", which has MIG disabled");
                } else {
                    select(gpus.get(gpu));
                    notJudged(shown(entry) + " is a MIG device of GPU " + gpu + ": gpuenv does not list MIG devices,"
                            + " not checked");
                }
                return true;
            }
            return false;
        }

        String unknownDevice(String entry) {
            String lower = entry.toLowerCase(Locale.ROOT);
            for (GpuDevice g : gpus) {
                String uuid = g.uuid() == null ? "" : g.uuid().toLowerCase(Locale.ROOT);
                if (!uuid.isEmpty() && lower.length() >= 4 && !lower.equals(uuid)
                        && (uuid.startsWith(lower) || uuid.startsWith("gpu-" + lower))) {
                    return shown(entry) + " is only part of GPU " + g.index() + "'s UUID: GPUs are selected by the"
                            + " whole UUID, " + g.uuid();
                }
            }
            if (INDEX.matcher(entry).matches()) {
                return "this host has no GPU " + shown(entry);
            }
            return "device '" + shown(entry) + "' is no GPU of this host (not an index, UUID, PCI bus id or MIG"
                    + " device it has)";
        }

        Selection build() {
            for (GpuDevice g : selected) {
                if ("Enabled".equalsIgnoreCase(String.valueOf(g.migMode()))) {
                    notes.add("GPU " + g.index() + " has MIG enabled: CUDA in the container sees only the MIG devices"
                            + " it is given (select them as MIG-… UUIDs or " + g.index() + ":N)");
                }
            }
            List<GpuDevice> ordered = selected.stream().sorted(Comparator.comparingInt(GpuDevice::index)).toList();
            return new Selection(ordered, problems, notes, complete);
        }

        private static Integer index(String digits) {
            String d = digits.startsWith("+") ? digits.substring(1) : digits;
            d = d.replaceFirst("^0+(?=.)", "");
            if (d.length() > 9) {
                return null;
            }
            return Integer.parseInt(d);
        }

        private static boolean samePciBus(String busId, Matcher wanted) {
            if (busId == null) {
                return false;
            }
            Matcher have = PCI.matcher(busId.strip());
            if (!have.matches()) {
                return false;
            }
            return hexEquals(have.group(1), wanted.group(1)) && hexEquals(have.group(2), wanted.group(2))
                    && hexEquals(have.group(3), wanted.group(3));
        }

        private static boolean hexEquals(String a, String b) {
            String x = a.replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
            String y = b.replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
            return Objects.equals(x, y);
        }
    }
}
