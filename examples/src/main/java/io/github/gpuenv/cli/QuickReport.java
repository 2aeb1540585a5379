package io.github.gpuenv.cli;

import io.github.gpuenv.DetectOptions;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * {@code gpuenv detect [--json]} and {@code gpuenv doctor [--json]} without picocli, the commands a cold start is
 * most often paid for: building picocli's model of a command by reflection (annotations, generic signatures,
 * annotation proxies) and parsing cost 30-50 ms of a cold {@code gpuenv detect --json} even with the
 * distribution's AOT cache (docs/speed.md). The same {@link ReportCommand} code detects and prints, so the output and
 * exit code are those of the picocli path. Anything else — another option, a configuration that gives a warning or
 * a refusal to print, a root that is a capture's, a failure — returns null, and {@link GpuEnvCli#main} goes through
 * picocli as before. {@link GpuEnvCli#execute} (tests, embedding) never takes this path.
 *
 * <p>{@code Integer code = QuickReport.run(args); System.exit(code != null ? code : GpuEnvCli.execute(args));}
 */
final class QuickReport {

    private QuickReport() {
    }

    /** The exit code of {@code args} run here; null when picocli must run them. */
    static Integer run(String... args) {
        if (args.length == 0 || args.length > 2 || (args.length == 2 && !args[1].equals("--json"))) {
            return null;
        }
        ReportCommand command = switch (args[0]) {
            case "detect" -> new DetectCommand();
            case "doctor" -> new DoctorCommand();
            default -> null;
        };
        if (command == null) {
            return null;
        }
        Optional<DetectOptions> options = CliDetectOptions.withoutOptions();
        if (options.isEmpty()) {
            return null;
        }
        PrintWriter out = stdout();
        try {
            return command.report(options.get(), args.length == 2, out);
        } catch (RuntimeException e) {
            // picocli's path runs it again and reports the failure as every command does (ExitCodes)
            return null;
        }
    }

    /** What picocli's {@code CommandLine.getOut()} writes to: stdout in {@code sun.stdout.encoding}, else the default. */
    private static PrintWriter stdout() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = Charset.defaultCharset();
        if (encoding != null) {
            try {
                charset = Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
            } catch (RuntimeException e) {
                // picocli falls back to the default charset too
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, charset)), true);
    }
}
