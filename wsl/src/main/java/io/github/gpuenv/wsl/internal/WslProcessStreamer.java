package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.system.CommandRunner;
import io.github.gpuenv.system.OutputListener;
import io.github.gpuenv.wsl.WslOutputListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Runs one command through core's {@link CommandRunner} and hands its output to a listener line by line while it
 * runs. The runner does the process work (argv only, time limit, kill on timeout or interrupt, bounded result); this
 * class only splits the chunks it streams into lines ({@code \n}, a trailing {@code \r} dropped, UTF-8).
 *
 * <p>{@code CommandResult r = WslProcessStreamer.run(request, listener);}
 */
public final class WslProcessStreamer {

    private WslProcessStreamer() {
    }

    /** Runs {@code request}, streaming lines to {@code listener}; never throws for anything about the process. */
    public static CommandResult run(CommandRequest request, WslOutputListener listener) {
        LineSplitter out = new LineSplitter(listener::stdout);
        LineSplitter err = new LineSplitter(listener::stderr);
        OutputListener chunks = (stream, bytes) -> (stream == OutputListener.Stream.STDOUT ? out : err).accept(bytes);
        CommandRequest streaming = CommandRequest.builder(request.argv()).timeout(request.timeout())
                .stdin(request.stdin()).environment(request.environment())
                .workingDirectory(request.workingDirectory().orElse(null)).maxOutputBytes(request.maxOutputBytes())
                .outputListener(chunks).build();
        CommandResult result = CommandRunner.system().run(streaming);
        out.finish();
        err.finish();
        return result;
    }

    /** Turns the chunks of one stream into lines; a sink that throws is not called again. */
    private static final class LineSplitter {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean listening = true;

        LineSplitter(Consumer<String> sink) {
            this.sink = sink;
        }

        synchronized void accept(byte[] chunk) {
            for (byte b : chunk) {
                if (b == '\n') {
                    emit();
                } else {
                    line.write(b);
                }
            }
        }

        /** Delivers a last line that had no newline. */
        synchronized void finish() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (listening) {
                try {
                    sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                } catch (RuntimeException e) {
                    listening = false;
                }
            }
        }
    }
}
