package io.github.gpuenv.wsl;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.report.WslProblem;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.wsl.internal.WslArgv;
import io.github.gpuenv.wsl.internal.WslErrorCode;
import io.github.gpuenv.wsl.internal.WslExeLocator;
import io.github.gpuenv.wsl.internal.WslFailures;
import io.github.gpuenv.wsl.internal.WslListParser;
import io.github.gpuenv.wsl.internal.WslOutputDecoder;
import io.github.gpuenv.wsl.internal.WslProcessStreamer;
import io.github.gpuenv.wsl.internal.WslStatusParser;
import io.github.gpuenv.wsl.internal.WslVersionParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed API over {@code wsl.exe}: list, status, version, install, export, import, run, terminate, shutdown,
 * unregister, set-version, set-default, update.
 *
 * <pre>{@code
 * Wsl wsl = Wsl.local();
 * for (WslDistribution d : wsl.list()) System.out.println(d.name() + " " + d.state().word() + " WSL" + d.version());
 * WslRunResult r = wsl.run(WslRun.in("Ubuntu-22.04").user("root").command("nvidia-smi", "-L").build());
 * }</pre>
 *
 * <p>Every call runs {@code wsl.exe} with an argument vector — no shell, ever — so names and paths with spaces,
 * quotes, {@code ;}, {@code &} or non-ASCII characters reach it as given (on Windows, Java's own command-line
 * quoting then applies). {@code WSL_UTF8=1} is set and the output is still decoded defensively (UTF-16LE with or
 * without BOM, UTF-8). Each operation has a time limit ({@link WslOperation}); failures throw a
 * {@link WslCommandException} subtype chosen by exit code and {@code Wsl/…} error code, never by localized text.
 * Distribution names are validated (letters, digits, {@code .}, {@code _}, {@code -}).
 *
 * <p>Which {@code wsl.exe}: {@link WslOptions#wslExe()} ({@code GPUENV_WSL_EXE}), else
 * {@code %SystemRoot%\System32\wsl.exe} on Windows, {@code wsl.exe} through interop inside WSL (core's one WSL rule,
 * {@code io.github.gpuenv.spi.WslDetection}); elsewhere, and inside WSL with interop disabled,
 * {@link #isApplicable()} is false and every call throws {@link WslNotInstalledException} without running anything
 * (its {@link WslNotInstalledException#problem()} says which: {@link WslProblem#NOT_APPLICABLE},
 * {@link WslProblem#INTEROP_DISABLED}, {@link WslProblem#WSL_EXE_NOT_FOUND}).
 * Instances hold no state besides their options and are safe to share between threads.
 */
public final class Wsl {

    private static final Logger LOG = LoggerFactory.getLogger(Wsl.class);

    private final WslOptions options;
    private final WslExeLocator.Location location;
    private final boolean insideWsl;

    private Wsl(WslOptions options) {
        this.options = options;
        this.location = WslExeLocator.locate(options.wslExe(), options.environment(), options.files());
        this.insideWsl = location.insideWsl();
    }

    /** {@code wsl.exe} with the ambient configuration. */
    public static Wsl local() {
        return local(WslOptions.defaults());
    }

    /** {@code wsl.exe} with {@code options}. */
    public static Wsl local(WslOptions options) {
        return new Wsl(java.util.Objects.requireNonNull(options, "options"));
    }

    /** The {@code wsl.exe} that is run; empty when WSL does not apply on this machine. */
    public Optional<String> executable() {
        return location.exe();
    }

    /** Whether there is a {@code wsl.exe} to run here (Windows, inside WSL, or one configured). */
    public boolean isApplicable() {
        return location.exe().isPresent();
    }

    /** Every registered distribution, the default first ({@code --list --verbose}); empty when there are none. */
    public List<WslDistribution> list() {
        WslArgv argv = argv();
        CommandResult result = exec(WslOperation.LIST, argv.list(), new byte[0]);
        if (!result.succeeded()) {
            WslCommandException failure = WslFailures.classify(WslOperation.LIST, result, "",
                    options.timeout(WslOperation.LIST));
            if (failure instanceof WslDistributionNotFoundException) {
                return List.of(); // WSL_E_DEFAULT_DISTRO_NOT_FOUND: no distributions at all
            }
            if (failure.exitCode().map(WslErrorCode::isWslFailureExit).orElse(false)
                    && failure.errorCode().isEmpty() && noDistributions(argv)) {
                return List.of(); // current wsl.exe prints that error without its code; --quiet tells for sure
            }
            throw failure;
        }
        WslListParser.Result parsed = WslListParser.parse(WslOutputDecoder.decode(result.stdout()));
        if (!parsed.recognized()) {
            throw new WslCommandException(WslOperation.LIST, result.argv(), result.exitCode(),
                    WslOutputDecoder.decode(result.stdout()), WslOutputDecoder.decode(result.stderr()), null,
                    "unrecognized 'wsl.exe --list --verbose' output: " + parsed.detail(),
                    "report it with the output of: wsl.exe --list --verbose");
        }
        return parsed.distributions();
    }

    /** {@link #list()} without Docker Desktop's own distributions ({@code docker-desktop*}). */
    public List<WslDistribution> listWithoutDockerDesktop() {
        return list().stream().filter(d -> !d.isDockerDesktop()).toList();
    }

    private boolean noDistributions(WslArgv argv) {
        CommandResult quiet = exec(WslOperation.LIST, argv.listQuiet(), new byte[0]);
        return quiet.succeeded() && WslOutputDecoder.decode(quiet.stdout()).isBlank();
    }

    /**
     * {@code wsl.exe --status}: installed or not, the problem, the default distribution and version. WSL not
     * installed is a status, not an exception (and so is a {@code wsl.exe} that is not there). Where no
     * {@code wsl.exe} can be run, nothing is run and the problem says why: {@link WslProblem#NOT_APPLICABLE}
     * (not installed: neither Windows nor WSL), {@link WslProblem#INTEROP_DISABLED} or
     * {@link WslProblem#WSL_EXE_NOT_FOUND} (installed: this is WSL).
     *
     * @throws WslTimeoutException when {@code wsl.exe} hangs
     * @throws WslCommandException when {@code wsl.exe} cannot be started through WSL interop
     */
    public WslStatus status() {
        if (!isApplicable()) {
            return new WslStatus(insideWsl, location.problem(), "", null, -1, location.how());
        }
        CommandResult result = exec(WslOperation.STATUS, argv().status(), new byte[0]);
        boolean notStarted = result.outcome() == CommandResult.Outcome.NOT_FOUND
                || result.outcome() == CommandResult.Outcome.FAILED;
        if (notStarted && insideWsl) {
            // inside WSL, WSL is installed: a wsl.exe that does not start is interop failing, never "not installed"
            throw new WslCommandException(WslOperation.STATUS, result.argv(), null, "", "", null,
                    "inside WSL, " + location.exe().orElse("wsl.exe") + " could not be started through interop ("
                            + result.summary() + ")", WslProblem.INTEROP_DISABLED.remedy());
        }
        if (result.outcome() == CommandResult.Outcome.NOT_FOUND) {
            return new WslStatus(false, WslProblem.NOT_INSTALLED, "", null, -1, result.summary());
        }
        if (result.outcome() != CommandResult.Outcome.EXITED) {
            throw WslFailures.classify(WslOperation.STATUS, result, "", options.timeout(WslOperation.STATUS));
        }
        String text = WslOutputDecoder.decode(result.stdout()) + "\n" + WslOutputDecoder.decode(result.stderr());
        return WslStatusParser.parse(text, result.exitCode());
    }

    /**
     * {@code wsl.exe --version}, whatever the display language.
     *
     * @throws WslCommandException when it fails or prints something else (inbox WSL has no {@code --version})
     */
    public WslVersion version() {
        CommandResult result = exec(WslOperation.VERSION, argv().version(), new byte[0]);
        check(WslOperation.VERSION, result, "");
        String text = WslOutputDecoder.decode(result.stdout());
        return WslVersionParser.parse(text).orElseThrow(() -> new WslCommandException(WslOperation.VERSION,
                result.argv(), result.exitCode(), text, WslOutputDecoder.decode(result.stderr()), null,
                "'wsl.exe --version' printed no versions (inbox WSL does not support --version)",
                "update to the Store version of WSL: wsl.exe --update"));
    }

    /** {@code --install -d NAME --no-launch [--web-download]}: installs a distribution without starting it. */
    public void install(String name, boolean webDownload) {
        perform(WslOperation.INSTALL, argv().install(name, webDownload), name);
    }

    /** {@code --export NAME FILE}: writes the distribution's file system to a tar file. */
    public void export(String name, String tarFile) {
        perform(WslOperation.EXPORT, argv().export(name, tarFile), name);
    }

    /** {@code --import NAME DIR FILE --version 2}: registers a tar file as a WSL 2 distribution stored in DIR. */
    public void importDistribution(String name, String installDirectory, String tarFile) {
        perform(WslOperation.IMPORT, argv().importTar(name, installDirectory, tarFile), name);
    }

    /**
     * Runs a command in a distribution and waits for it. The result's exit code is the command's; a failure of
     * {@code wsl.exe} itself (no such distribution or user, VM cannot start) throws.
     */
    public WslRunResult run(WslRun run) {
        List<String> argv = argv().run(run);
        CommandResult result = options.commandRunner().run(request(WslOperation.RUN, argv, run.stdin(), run));
        return runResult(run, result);
    }

    /** {@link #run(WslRun)}, handing each output line to {@code listener} as it is printed. */
    public WslRunResult run(WslRun run, WslOutputListener listener) {
        List<String> argv = argv().run(run);
        CommandResult result = WslProcessStreamer.run(request(WslOperation.RUN, argv, run.stdin(), run), listener);
        return runResult(run, result);
    }

    private WslRunResult runResult(WslRun run, CommandResult result) {
        Duration timeout = run.timeout().orElse(options.timeout(WslOperation.RUN));
        if (result.outcome() != CommandResult.Outcome.EXITED) {
            throw WslFailures.classify(WslOperation.RUN, result, run.distribution(), timeout);
        }
        if (!result.succeeded() && WslErrorCode.isWslFailureExit(result.exitCode())) {
            WslCommandException failure = WslFailures.classify(WslOperation.RUN, result, run.distribution(), timeout);
            if (failure.errorCode().isPresent()) {
                throw failure;
            }
        }
        return new WslRunResult(result.argv(), result.exitCode(), result.stdout(), result.stderr(), result.elapsed());
    }

    /** {@code --terminate NAME}. */
    public void terminate(String name) {
        perform(WslOperation.TERMINATE, argv().terminate(name), name);
    }

    /** {@code --shutdown}: stops every distribution and the WSL 2 virtual machine. */
    public void shutdown() {
        perform(WslOperation.SHUTDOWN, argv().shutdown(), "");
    }

    /**
     * {@code --unregister NAME}: deletes the distribution and all its files.
     *
     * @param confirmation must name the same distribution ({@link WslConfirmation#deleteAllFilesOf(String)})
     * @throws IllegalArgumentException when the confirmation names another distribution (nothing is run)
     */
    public void unregister(String name, WslConfirmation confirmation) {
        if (confirmation == null || !confirmation.distribution().equals(name)) {
            throw new IllegalArgumentException("unregistering '" + name + "' deletes all its files; confirm with "
                    + "WslConfirmation.deleteAllFilesOf(\"" + name + "\")");
        }
        perform(WslOperation.UNREGISTER, argv().unregister(name), name);
    }

    /** {@code --set-version NAME 1|2}: converts a distribution (minutes for large file systems). */
    public void setVersion(String name, int version) {
        perform(WslOperation.SET_VERSION, argv().setVersion(name, version), name);
    }

    /** {@code --set-default NAME}. */
    public void setDefault(String name) {
        perform(WslOperation.SET_DEFAULT, argv().setDefault(name), name);
    }

    /** {@code --update [--web-download]}: updates WSL and its kernel. */
    public void update(boolean webDownload) {
        perform(WslOperation.UPDATE, argv().update(webDownload), "");
    }

    private void perform(WslOperation op, List<String> argv, String distribution) {
        check(op, exec(op, argv, new byte[0]), distribution);
    }

    private void check(WslOperation op, CommandResult result, String distribution) {
        Optional<WslCommandException> failure = WslFailures.of(op, result, distribution, options.timeout(op));
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private CommandResult exec(WslOperation op, List<String> argv, byte[] stdin) {
        CommandResult result = options.commandRunner().run(request(op, argv, stdin, null));
        LOG.debug("wsl {}: {} -> {}", op.id(), argv, result.summary());
        return result;
    }

    private CommandRequest request(WslOperation op, List<String> argv, byte[] stdin, WslRun run) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WSL_UTF8", "1");
        if (insideWsl) {
            // through interop a Linux variable reaches wsl.exe only when WSLENV names it
            String wslenv = options.environment().variable("WSLENV").orElse("");
            if (!(":" + wslenv + ":").contains(":WSL_UTF8")) {
                env.put("WSLENV", wslenv.isEmpty() ? "WSL_UTF8" : wslenv + ":WSL_UTF8");
            }
        }
        java.time.Duration timeout = run != null && run.timeout().isPresent() ? run.timeout().get() : options.timeout(op);
        return CommandRequest.builder(argv).timeout(timeout).environment(env).stdin(stdin).build();
    }

    private WslArgv argv() {
        Optional<String> exe = location.exe();
        if (exe.isEmpty()) {
            WslProblem problem = location.problem();
            WslCommandException details = new WslCommandException(WslOperation.STATUS, List.of("wsl.exe"), null, "",
                    "", null, "no wsl.exe here: " + location.how(), problem.remedy());
            throw new WslNotInstalledException(details, problem, location.how());
        }
        return new WslArgv(exe.get());
    }
}
