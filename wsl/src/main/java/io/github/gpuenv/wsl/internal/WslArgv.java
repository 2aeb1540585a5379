package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.wsl.WslRun;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every argv gpuenv gives {@code wsl.exe}, in one place. Each value is one element, passed on unchanged: names,
 * paths and command arguments are never joined into a string or quoted here.
 *
 * <p>{@code new WslArgv("wsl.exe").terminate("Ubuntu") // [wsl.exe, --terminate, Ubuntu]}
 *
 * @param exe the {@code wsl.exe} to run
 */
public record WslArgv(String exe) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Checks a distribution name: letters, digits, {@code .}, {@code _} and {@code -} (what {@code wsl.exe} accepts
     * for {@code --import} and {@code --install --name}), starting with a letter or digit, so that no name can be
     * read as an option ({@code --unregister}).
     *
     * @throws IllegalArgumentException naming the bad name
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid WSL distribution name '" + name
                    + "': use letters, digits, '.', '_' and '-' only, starting with a letter or digit");
        }
        return name;
    }

    public List<String> list() {
        return List.of(exe, "--list", "--verbose");
    }

    /** {@code --list --quiet}: names only; unlike {@code --verbose} it exits 0 when there are none. */
    public List<String> listQuiet() {
        return List.of(exe, "--list", "--quiet");
    }

    public List<String> status() {
        return List.of(exe, "--status");
    }

    public List<String> version() {
        return List.of(exe, "--version");
    }

    public List<String> install(String name, boolean webDownload) {
        List<String> argv = new ArrayList<>(List.of(exe, "--install", "-d", requireValidName(name), "--no-launch"));
        if (webDownload) {
            argv.add("--web-download");
        }
        return List.copyOf(argv);
    }

    public List<String> export(String name, String tarFile) {
        return List.of(exe, "--export", requireValidName(name), tarFile);
    }

    public List<String> importTar(String name, String installDirectory, String tarFile) {
        return List.of(exe, "--import", requireValidName(name), installDirectory, tarFile, "--version", "2");
    }

    /** {@code -d NAME [-u USER] [--cd DIR] --exec CMD ARG…}. */
    public List<String> run(WslRun run) {
        List<String> argv = new ArrayList<>(List.of(exe, "-d", requireValidName(run.distribution())));
        run.user().ifPresent(u -> {
            argv.add("-u");
            argv.add(u);
        });
        run.workingDirectory().ifPresent(d -> {
            argv.add("--cd");
            argv.add(d);
        });
        argv.add("--exec");
        argv.addAll(run.command());
        return List.copyOf(argv);
    }

    public List<String> terminate(String name) {
        return List.of(exe, "--terminate", requireValidName(name));
    }

    public List<String> shutdown() {
        return List.of(exe, "--shutdown");
    }

    public List<String> unregister(String name) {
        return List.of(exe, "--unregister", requireValidName(name));
    }

    public List<String> setVersion(String name, int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("WSL version must be 1 or 2, not " + version);
        }
        return List.of(exe, "--set-version", requireValidName(name), Integer.toString(version));
    }

    public List<String> setDefault(String name) {
        return List.of(exe, "--set-default", requireValidName(name));
    }

    public List<String> update(boolean webDownload) {
        return webDownload ? List.of(exe, "--update", "--web-download") : List.of(exe, "--update");
    }
}
