package io.github.gpuenv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "add one dependency", the way a user does it: gpuenv's artifacts (the parent and BOM POMs, core and
 * docker — as this build packaged them) are installed into a throw-away local repository, and
 * {@code examples/consumer} — a separate Maven project that imports only {@code gpuenv-bom} and depends on
 * {@code gpuenv-docker} without a version — is built against it and run. Third-party artifacts come from this
 * machine's {@code ~/.m2/repository} (as a file repository), else Maven Central.
 */
class ConsumerBuildIT {

    private static final Path TOP = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aProjectThatImportsOnlyTheBomAndGpuenvDockerBuildsAndRuns() throws Exception {
        String version = System.getProperty("gpuenv.version");
        assertThat(version).as("failsafe passes the project version").isNotBlank();
        Path repo = dir.resolve("repo");
        Path settings = settings(dir.resolve("settings.xml"));
        install(settings, repo, "pom.xml", "pom.xml", "pom");
        install(settings, repo, "core/bom/pom.xml", "core/bom/pom.xml", "pom");
        for (String module : List.of("core", "docker")) {
            install(settings, repo, module + "/target/gpuenv-" + module + "-" + version + ".jar", module + "/pom.xml",
                    "jar");
        }
        Path consumer = dir.resolve("consumer");
        copy(TOP.resolve("examples/consumer"), consumer);

        Result build = maven(settings, repo, consumer, "package", "-Dgpuenv.version=" + version);
        assertThat(build.exitCode).as(build.output).isZero();
        assertThat(consumer.resolve("target/lib")).isDirectoryContaining(p -> p.getFileName().toString()
                .equals("gpuenv-docker-" + version + ".jar")).isDirectoryContaining(p -> p.getFileName().toString()
                .equals("gpuenv-core-" + version + ".jar"));

        Result run = run(List.of(java(), "-cp", consumer.resolve("target/classes") + ":" + consumer.resolve("target/lib")
                + "/*", "example.Consumer"), consumer);
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("schema 2, ready").containsAnyOf("connected to ", "no engine: ");
    }

    private static void install(Path settings, Path repo, String file, String pom, String packaging) throws Exception {
        Result r = maven(settings, repo, TOP, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                "-Dfile=" + TOP.resolve(file), "-DpomFile=" + TOP.resolve(pom), "-Dpackaging=" + packaging);
        assertThat(r.exitCode).as("install " + file + ": " + r.output).isZero();
    }

    private static Result maven(Path settings, Path repo, Path project, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(TOP.resolve("mvnw").toString(), "-B", "-q", "-s",
                settings.toString(), "-Dmaven.repo.local=" + repo));
        argv.addAll(List.of(args));
        return run(argv, project);
    }

    /** Settings with this machine's local repository as a file repository before Maven Central. */
    private static Path settings(Path file) throws IOException {
        String m2 = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repository = "<id>host-m2</id><url>" + m2 + "</url><releases><enabled>true</enabled></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(file, "<settings><profiles><profile><id>host</id><repositories><repository>" + repository
                + "</repository></repositories><pluginRepositories><pluginRepository>" + repository
                + "</pluginRepository></pluginRepositories></profile></profiles><activeProfiles><activeProfile>host"
                + "</activeProfile></activeProfiles></settings>", StandardCharsets.UTF_8);
        return file;
    }

    private static Result run(List<String> argv, Path workingDirectory) throws Exception {
        Path out = Files.createTempFile("gpuenv-consumer", ".log");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("MAVEN_OPTS", "-Xmx512m");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not end within 10 minutes: " + argv);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return new Result(p.exitValue(), output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().contains("/target")) {
                    continue;
                }
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }
}
