package io.github.gpuenv.docker.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels every container gpuenv creates carries: {@code io.github.gpuenv.managed=true}, a run id, and its
 * owner (this JVM: host boot id, pid and start time), so a later sweep can tell a leftover from a container some
 * live process is still using.
 *
 * <p>{@code Map<String, String> labels = ManagedLabels.forRun(runId);}
 */
public final class ManagedLabels {

    /** Marks a container as created by gpuenv. */
    public static final String MANAGED = "io.github.gpuenv.managed";
    /** The run's id. */
    public static final String RUN_ID = "io.github.gpuenv.run-id";
    /** {@code <host>/<pid>/<jvm start epoch millis>} of the creating process. */
    public static final String OWNER = "io.github.gpuenv.owner";

    private static final String HOST = hostId();
    private static final String SELF = owner(ProcessHandle.current());

    private ManagedLabels() {
    }

    /** The labels of one run. */
    public static Map<String, String> forRun(String runId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(RUN_ID, runId);
        labels.put(OWNER, SELF);
        return labels;
    }

    /** The owner label value of this JVM, {@code <host>/<pid>/<jvm start epoch millis>}. */
    public static String self() {
        return SELF;
    }

    /** Whether {@code owner} is this JVM. */
    public static boolean isSelf(String owner) {
        return SELF.equals(owner);
    }

    /** Whether {@code owner} is a process still running on this host ({@code false} for other hosts). */
    public static boolean isLiveOnThisHost(String owner) {
        if (owner == null) {
            return false;
        }
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && owner(process.get()).equals(owner);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether {@code owner} names this host. */
    public static boolean isThisHost(String owner) {
        return owner != null && owner.startsWith(HOST + "/");
    }

    private static String owner(ProcessHandle process) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return HOST + "/" + process.pid() + "/" + start;
    }

    private static String hostId() {
        try {
            Path bootId = Path.of("/proc/sys/kernel/random/boot_id");
            if (Files.isReadable(bootId)) {
                return new String(Files.readAllBytes(bootId), StandardCharsets.US_ASCII).strip();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through
        }
        String name = System.getenv("COMPUTERNAME");
        return name != null ? name : String.valueOf(System.getenv("HOSTNAME"));
    }
}
