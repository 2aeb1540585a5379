package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gpuenv.testing.Fixtures;
import io.github.gpuenv.testing.ReportComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained distribution that {@code package} builds ({@code target/gpuenv-dist}, the {@code dist} profile;
 * docs/speed.md): its launcher starts its own runtime with its trained archive, prints what {@code java -jar
 * gpuenv.jar} prints, works through a symbolic link, from another directory and under paths with spaces, passes
 * arguments through unchanged, and says nothing on stdout or stderr when its archive is missing or stale. Timing is
 * never asserted ({@code .ci/bench-cold-cli.sh} measures it).
 */
class DistIT {

    private static final Path DIST = Path.of("target", "gpuenv-dist").toAbsolutePath();
    private static final Path JAR = Path.of("target", "gpuenv.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeAll
    static void theDistributionWasBuilt() {
        assumeTrue(Files.isExecutable(DIST.resolve("bin/gpuenv")), "no " + DIST + ": the dist profile builds it on"
                + " Unix in package (not with -Dgpuenv.dist.skip, and not without jlink)");
    }

    @Test
    void theDistributionHasItsRuntimeJarAndArchive() throws IOException {
        assertThat(DIST.resolve("runtime/bin/java")).isExecutable();
        assertThat(DIST.resolve("lib/gpuenv.jar")).isRegularFile();
        try (var files = Files.list(DIST.resolve("lib"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("an AOT cache (JDK 25+) or an AppCDS archive (JDK 17)")
                    .anyMatch(f -> f.endsWith(".aot") || f.endsWith(".jsa"));
        }
    }

    @Test
    void theRuntimeMapsTheTrainedArchivesOrRefusesToStart() throws Exception {
        // -XX:AOTMode=on / -Xshare:on: a JVM that cannot map its archive exits instead of running without it
        String fast = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED";
        List<List<String>> runs = new ArrayList<>();
        Path lib = DIST.resolve("lib");
        if (Files.exists(lib.resolve("gpuenv.aot"))) {
            runs.add(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + lib.resolve("gpuenv.aot"), "--version"));
            runs.add(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + lib.resolve("gpuenv-run.aot"), "run", "--help"));
            runs.add(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + lib.resolve("gpuenv-detect.aot"), "detect", "--help"));
        } else {
            runs.add(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + lib.resolve("gpuenv.jsa"), "--version"));
        }
        for (List<String> r : runs) {
            List<String> argv = new ArrayList<>(List.of(DIST.resolve("runtime/bin/java").toString(), r.get(0), r.get(1)));
            argv.addAll(List.of(fast.split(" ")));
            argv.addAll(List.of("-cp", lib.resolve("gpuenv.jar").toString(), "io.github.gpuenv.cli.GpuEnvCli"));
            argv.addAll(r.subList(2, r.size()));

            Result result = run(dir, argv.toArray(String[]::new));

            assertThat(result.exitCode).as("%s: %s%s", argv, result.out, result.err).isZero();
        }
    }

    @Test
    void versionNamesGpuenvAndTheDistributionsRuntime() throws Exception {
        Result r = run(dir, DIST.resolve("bin/gpuenv").toString(), "--version");

        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out).startsWith("gpuenv " + System.getProperty("gpuenv.version", ""));
        assertThat(r.out).contains("Java ");
        assertThat(r.err).isEmpty();
    }

    @Test
    void detectOnAFixtureRootPrintsWhatJavaJarPrints() throws Exception {
        Path root = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200")).resolve("root");

        Result dist = run(dir, DIST.resolve("bin/gpuenv").toString(), "detect", "--json", "--root", root.toString());
        Result jar = run(dir, java(), "-jar", JAR.toString(), "detect", "--json", "--root", root.toString());

        assertThat(dist.exitCode).as(dist.err).isZero();
        assertThat(jar.exitCode).as(jar.err).isZero();
        assertThat(dist.err).isEmpty();
        assertThat(ReportComparison.comparable(dist.out)).isEqualTo(ReportComparison.comparable(jar.out));
    }

    @Test
    void aSymbolicLinkFromAnotherDirectoryWithSpacesAndQuotesReachesTheSameCommand() throws Exception {
        Path root = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("a 'quoted' $root")).resolve("root");
        Path links = Files.createDirectories(dir.resolve("bin with spaces"));
        Path link = Files.createSymbolicLink(links.resolve("gpuenv"), DIST.resolve("bin/gpuenv"));
        // a relative link to that link: two hops
        Path relative = Files.createSymbolicLink(dir.resolve("g e"), dir.relativize(link));
        Path elsewhere = Files.createDirectories(dir.resolve("cwd"));

        Result direct = run(elsewhere, link.toString(), "detect", "--json", "--root", root.toString());
        Result twoHops = run(elsewhere, relative.toString(), "detect", "--json", "--root", root.toString());
        Result jar = run(elsewhere, java(), "-jar", JAR.toString(), "detect", "--json", "--root", root.toString());

        assertThat(direct.exitCode).as(direct.err).isZero();
        assertThat(twoHops.exitCode).as(twoHops.err).isZero();
        assertThat(ReportComparison.comparable(direct.out)).isEqualTo(ReportComparison.comparable(jar.out));
        assertThat(ReportComparison.comparable(twoHops.out)).isEqualTo(ReportComparison.comparable(jar.out));
    }

    @Test
    void aDistributionUnderAPathWithSpacesRuns() throws Exception {
        assertVersionRuns(copyOfTheLayout(dir.resolve("opt with spaces/gpuenv dist"), Lib.AS_BUILT));
    }

    @Test
    void argumentsArriveUnchangedAndUsageErrorsKeepTheirExitCode() throws Exception {
        String value = "1  x'\"$HOME\"*\\";

        Result dist = run(dir, DIST.resolve("bin/gpuenv").toString(), "detect", "--probe-timeout", value);
        Result jar = run(dir, java(), "-jar", JAR.toString(), "detect", "--probe-timeout", value);

        assertThat(dist.exitCode).isEqualTo(GpuEnvCli.USAGE);
        assertThat(dist.out).isEmpty();
        assertThat(dist.err).startsWith("gpuenv: --probe-timeout ").contains("x'\"$HOME\"*\\").isEqualTo(jar.err);
    }

    @Test
    void aStaleArchiveIsIgnoredWithoutAWordAndTheOutputIsUnchanged() throws Exception {
        Path home = copyOfTheLayout(dir.resolve("stale"), Lib.STALE_JAR);
        Path root = Fixtures.copyTo("h200-gpuenv-capture", dir.resolve("h200")).resolve("root");

        Result version = run(dir, home.resolve("bin/gpuenv").toString(), "--version");
        Result detect = run(dir, home.resolve("bin/gpuenv").toString(), "detect", "--json", "--root", root.toString());
        Result jar = run(dir, java(), "-jar", JAR.toString(), "detect", "--json", "--root", root.toString());

        assertThat(version.exitCode).as(version.err).isZero();
        assertThat(version.out).startsWith("gpuenv ").doesNotContain("[warning]").doesNotContain("[error");
        assertThat(version.err).isEmpty();
        assertThat(detect.err).isEmpty();
        assertThat(ReportComparison.comparable(detect.out)).isEqualTo(ReportComparison.comparable(jar.out));
    }

    @Test
    void jnasNativePartIsLoadedFromLibInsteadOfUnpackedFromTheJar() throws Exception {
        // JNA's own load log: with lib/libjnidispatch.so it loads that file and unpacks nothing; the bare layout
        // (jar only) shows what it does without it, so that this test can tell the two apart
        assertThat(DIST.resolve("lib/libjnidispatch.so")).isRegularFile();
        java.util.Map<String, String> debug = java.util.Map.of("JDK_JAVA_OPTIONS", "-Djna.debug_load=true");
        Path bare = copyOfTheLayout(dir.resolve("bare"), Lib.JAR_ONLY);

        Result built = run(debug, dir, DIST.resolve("bin/gpuenv").toString(), "detect", "--json");
        Result jarOnly = run(debug, dir, bare.resolve("bin/gpuenv").toString(), "detect", "--json");

        assertThat(built.err).as("JNA was used (the NVML probe)").contains("Looking for library");
        assertThat(built.err).doesNotContain("jnidispatch");
        assertThat(jarOnly.err).contains("Found library resource at").contains("libjnidispatch.so");
        assertThat(built.exitCode).isEqualTo(jarOnly.exitCode);
        assertThat(built.out).contains("\"schemaVersion\"");
    }

    @Test
    void withoutAnArchiveTheLauncherStillRuns() throws Exception {
        assertVersionRuns(copyOfTheLayout(dir.resolve("bare"), Lib.JAR_ONLY));
    }

    /** {@code home/bin/gpuenv --version} prints the version and nothing else. */
    private void assertVersionRuns(Path home) throws Exception {
        Result r = run(dir, home.resolve("bin/gpuenv").toString(), "--version");

        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out).startsWith("gpuenv ");
        assertThat(r.err).isEmpty();
    }

    /** The links first: JUnit warns about each link it finds pointing out of the temporary directory. */
    @AfterEach
    void removeLinks() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What {@link #copyOfTheLayout} puts in {@code lib/}. */
    private enum Lib {
        /** links to the built jar and archives */
        AS_BUILT,
        /** a copy of the jar with another modification time, so that the archives (linked) no longer match it */
        STALE_JAR,
        /** a link to the jar, no archive */
        JAR_ONLY
    }

    /** The distribution's layout at {@code home}: the launcher copied, the runtime linked, {@code lib/} as asked. */
    private static Path copyOfTheLayout(Path home, Lib lib) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(DIST.resolve("bin/gpuenv"), home.resolve("bin/gpuenv"));
        Files.createSymbolicLink(home.resolve("runtime"), DIST.resolve("runtime"));
        try (var files = Files.list(DIST.resolve("lib"))) {
            for (Path f : files.toList()) {
                Path to = home.resolve("lib").resolve(f.getFileName());
                boolean jar = f.getFileName().toString().equals("gpuenv.jar");
                if (lib == Lib.STALE_JAR && jar) {
                    Files.copy(f, to);
                    Files.setLastModifiedTime(to, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() - 60_000));
                } else if (lib != Lib.JAR_ONLY || jar) {
                    Files.createSymbolicLink(to, f);
                }
            }
        }
        return home;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Result run(Path cwd, String... argv) throws IOException, InterruptedException {
        return run(java.util.Map.of(), cwd, argv);
    }

    private Result run(java.util.Map<String, String> env, Path cwd, String... argv)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(argv));
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectError(err.toFile());
        // JVM options set for other programs would change what is checked here
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return new Result(p.exitValue(), out, Files.readString(err));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
