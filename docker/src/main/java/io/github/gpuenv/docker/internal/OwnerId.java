package io.github.gpuenv.docker.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who created a container, written into its {@link ManagedLabels#OWNER} label as
 * {@code <boot id>/<pid namespace>/<pid>/<start epoch millis>/<loader>}: the kernel's boot id (one per booted host,
 * the same inside its containers), the inode of the creating process's PID namespace, its pid and start time there,
 * and a random id of the copy of gpuenv that made it (two class loaders of one JVM are two owners).
 *
 * <p>A sweep may ask whether an owner is alive only when it is {@linkplain #checkableFrom(OwnerId) checkable}: same
 * boot and same PID namespace, where {@link ProcessHandle} sees the owner's pid. A CI job in a sibling container
 * (its own PID namespace, the host's docker socket) is not checkable; its liveness comes from its session's lease.
 *
 * <p>{@code OwnerId.parse(label).filter(o -> o.checkableFrom(OwnerId.self())).map(OwnerId::isAlive)}
 *
 * @param bootId {@code /proc/sys/kernel/random/boot_id}; {@code "-"} where there is none (not Linux)
 * @param pidNamespace the inode of {@code /proc/self/ns/pid}; {@code "-"} where unreadable
 * @param pid the pid in that namespace
 * @param startMillis the process's start, epoch millis ({@code 0} where the JDK cannot tell)
 * @param loader a random id of the gpuenv copy (class loader) that created the container
 */
public record OwnerId(String bootId, String pidNamespace, long pid, long startMillis, String loader) {

    private static final String NONE = "-";
    private static final OwnerId SELF = new OwnerId(readBootId(), readPidNamespace(), ProcessHandle.current().pid(),
            startMillis(ProcessHandle.current()), UUID.randomUUID().toString());
    private static final boolean PROCESSES_HIDDEN = processesHidden();

    /** This copy of gpuenv in this process. */
    public static OwnerId self() {
        return SELF;
    }

    /** The label form, {@code <boot id>/<pid namespace>/<pid>/<start millis>/<loader>}. */
    public String label() {
        return bootId + "/" + pidNamespace + "/" + pid + "/" + startMillis + "/" + loader;
    }

    /**
     * Reads a label written by {@link #label()}; empty for anything else (an older gpuenv's three-part owner, a label
     * typed by hand), which a sweep then cannot judge and leaves alone.
     */
    public static Optional<OwnerId> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String[] parts = label.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[1].isEmpty() || parts[4].isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(parts[2]);
            long start = Long.parseLong(parts[3]);
            return pid > 0 ? Optional.of(new OwnerId(parts[0], parts[1], pid, start, parts[4])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this and {@code other} are one process (whatever the copy of gpuenv). */
    public boolean sameProcessAs(OwnerId other) {
        return checkableFrom(other) && pid == other.pid && startMillis == other.startMillis;
    }

    /**
     * Whether {@code observer} can tell if this owner is alive: both on one booted Linux host, in one PID namespace,
     * with other processes visible ({@code /proc} not mounted with {@code hidepid}).
     */
    public boolean checkableFrom(OwnerId observer) {
        return !bootId.equals(NONE) && !pidNamespace.equals(NONE) && startMillis != 0
                && bootId.equals(observer.bootId) && pidNamespace.equals(observer.pidNamespace)
                && (!PROCESSES_HIDDEN || pid == observer.pid);
    }

    /**
     * Whether the process still runs: its pid exists and started when the label says (a reused pid is another
     * process). Meaningful only where {@link #checkableFrom(OwnerId)} holds for {@link #self()}.
     */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(p -> startMillis(p) == startMillis).orElse(false);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String readBootId() {
        String id = read(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        return id.isEmpty() || id.contains("/") ? NONE : id;
    }

    private static String readPidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            int open = link.indexOf('[');
            int close = link.indexOf(']');
            return open >= 0 && close > open + 1 ? link.substring(open + 1, close) : NONE;
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** Whether {@code /proc} hides other users' processes ({@code hidepid=1|2|invisible|noaccess}). */
    private static boolean processesHidden() {
        for (String line : read(Path.of("/proc/self/mountinfo")).split("\n")) {
            List<String> fields = List.of(line.split(" "));
            int dash = fields.indexOf("-");
            if (fields.size() > 4 && fields.get(4).equals("/proc") && dash > 0 && fields.size() > dash + 3
                    && fields.get(dash + 1).equals("proc")) {
                for (String option : fields.get(dash + 3).split(",")) {
                    if (option.startsWith("hidepid=") && !option.equals("hidepid=0") && !option.equals("hidepid=off")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? new String(Files.readAllBytes(file), StandardCharsets.US_ASCII) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
