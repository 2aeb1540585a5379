package io.github.gpuenv.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code System.out} and {@code System.err} captured around each test, for commands that write to them directly
 * ({@code gpuenv run} streams the container's output there), and restored after it.
 *
 * <p>{@code @RegisterExtension final SystemStreams streams = new SystemStreams(); … streams.out()}
 */
final class SystemStreams implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** What the test wrote to {@code System.out} so far (UTF-8). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the test wrote to {@code System.err} so far (UTF-8). */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
