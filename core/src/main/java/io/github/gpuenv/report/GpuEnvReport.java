package io.github.gpuenv.report;

import io.github.gpuenv.GpuEnv;
import io.github.gpuenv.config.ConfigWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GpuEnv#detect()} found: every fact (known, or unknown with a reason), the checks and the verdict.
 *
 * <p>{@code GpuEnvReport r = GpuEnv.detect(); if (!r.ready()) r.failures().forEach(c -> log.warn("{}: {} → {}",
 * c.id(), c.message(), c.remedy()));}
 *
 * @param schemaVersion the JSON schema version ({@value #SCHEMA_VERSION})
 * @param facts every fact
 * @param checks the checks, in a stable order
 * @param ready true only when no blocking check failed or is unknown
 * @param attempts every probe attempt, winning or not
 * @param detectedAt when detection started
 * @param elapsed how long it took
 * @param configWarnings configuration values that could not be taken as given ({@link ConfigWarning}); empty when
 *     all was well
 */
public record GpuEnvReport(int schemaVersion, FactSet facts, List<Check> checks, boolean ready,
                           List<ProbeAttempt> attempts, Instant detectedAt, Duration elapsed,
                           List<ConfigWarning> configWarnings) {

    /** The JSON schema version this release writes. Fields are only added within a version. */
    public static final int SCHEMA_VERSION = 2;

    public GpuEnvReport {
        Objects.requireNonNull(facts, "facts");
        checks = List.copyOf(checks);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        configWarnings = List.copyOf(configWarnings);
    }

    /** A report without configuration warnings (the constructor of releases before {@code configWarnings}). */
    public GpuEnvReport(int schemaVersion, FactSet facts, List<Check> checks, boolean ready,
                        List<ProbeAttempt> attempts, Instant detectedAt, Duration elapsed) {
        this(schemaVersion, facts, checks, ready, attempts, detectedAt, elapsed, List.of());
    }

    /** A report whose verdict follows from {@code checks}, without configuration warnings. */
    public static GpuEnvReport of(FactSet facts, List<Check> checks, List<ProbeAttempt> attempts,
                                  Instant detectedAt, Duration elapsed) {
        return of(facts, checks, attempts, detectedAt, elapsed, List.of());
    }

    /** A report whose verdict follows from {@code checks}. */
    public static GpuEnvReport of(FactSet facts, List<Check> checks, List<ProbeAttempt> attempts,
                                  Instant detectedAt, Duration elapsed, List<ConfigWarning> configWarnings) {
        boolean ready = checks.stream().noneMatch(Check::blocksReadiness);
        return new GpuEnvReport(SCHEMA_VERSION, facts, checks, ready, attempts, detectedAt, elapsed,
                configWarnings);
    }

    public Fact<OperatingSystem> os() {
        return facts.os();
    }

    public Fact<WindowsHost> windows() {
        return facts.windows();
    }

    public Fact<WslEnvironment> wsl() {
        return facts.wsl();
    }

    public Fact<WslHost> wslHost() {
        return facts.wslHost();
    }

    public Fact<NvidiaDriver> nvidia() {
        return facts.nvidia();
    }

    public Fact<ContainerEnvironment> container() {
        return facts.container();
    }

    public Fact<ContainerToolkit> toolkit() {
        return facts.toolkit();
    }

    public Fact<DockerEngine> docker() {
        return facts.docker();
    }

    /** The check with this id. */
    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The checks that keep the machine from being ready. */
    public List<Check> failures() {
        return checks.stream().filter(Check::blocksReadiness).toList();
    }

    /**
     * One entry per unknown fact.
     *
     * @param fact the fact's JSON name
     * @param reason why
     * @param detail what was seen
     */
    public record UnknownFact(String fact, Reason reason, String detail) {
    }

    /** The unknown facts, in report order. */
    public List<UnknownFact> unknowns() {
        List<UnknownFact> out = new ArrayList<>();
        addIfUnknown(out, "os", facts.os());
        addIfUnknown(out, "windows", facts.windows());
        addIfUnknown(out, "wsl", facts.wsl());
        addIfUnknown(out, "wslHost", facts.wslHost());
        addIfUnknown(out, "nvidia", facts.nvidia());
        addIfUnknown(out, "container", facts.container());
        addIfUnknown(out, "toolkit", facts.toolkit());
        addIfUnknown(out, "docker", facts.docker());
        return out;
    }

    private static void addIfUnknown(List<UnknownFact> out, String name, Fact<?> fact) {
        if (fact instanceof Fact.Unknown<?> u) {
            out.add(new UnknownFact(name, u.reason(), u.detail()));
        }
    }

    /** The report as JSON (schema {@value #SCHEMA_VERSION}; field names are documented in {@code docs/report.md}). */
    public String toJson() {
        return ReportJsonWriter.write(this);
    }
}
