package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.system.CommandRequest;
import io.github.gpuenv.system.CommandResult;
import io.github.gpuenv.wsl.WslOutputListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one command and hands its output to a listener line by line while it runs (core's command runner only
 * returns output at the end). Still an argv, never a shell; the time limit and an interrupt kill the process and
 * its descendants. Keeps up to {@link CommandRequest#maxOutputBytes()} of each stream for the result.
 *
 * <p>{@code CommandResult r = WslProcessStreamer.run(request, listener);}
 */
public final class WslProcessStreamer {

    private WslProcessStreamer() {
    }

    /** Runs {@code request}, streaming lines to {@code listener}; never throws for anything about the process. */
    public static CommandResult run(CommandRequest request, WslOutputListener listener) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(request.argv());
        builder.environment().putAll(request.environment());
        request.workingDirectory().ifPresent(d -> builder.directory(d.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return CommandResult.notStarted(request.argv(), e, since(start));
        }
        LineReader out = new LineReader(process.getInputStream(), listener::stdout, request.maxOutputBytes());
        LineReader err = new LineReader(process.getErrorStream(), listener::stderr, request.maxOutputBytes());
        out.start();
        err.start();
        writeStdin(process, request.stdin());
        try {
            if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                return CommandResult.failed(request.argv(), CommandResult.Outcome.TIMED_OUT, since(start),
                        "after " + request.timeout().toSeconds() + "s");
            }
            out.join(2000);
            err.join(2000);
            return CommandResult.exited(request.argv(), process.exitValue(), out.kept(), err.kept(), since(start));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return CommandResult.failed(request.argv(), CommandResult.Outcome.FAILED, since(start), "interrupted");
        }
    }

    private static void writeStdin(Process process, byte[] stdin) {
        OutputStream in = process.getOutputStream();
        Thread writer = new Thread(() -> {
            try (in) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the process closed its stdin early; its output tells the story
            }
        }, "gpuenv-wsl-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Reads one stream, splitting on {@code \n} (a trailing {@code \r} is dropped), keeping a bounded copy. */
    private static final class LineReader extends Thread {
        private final InputStream stream;
        private final Consumer<String> sink;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean listening = true;

        LineReader(InputStream stream, Consumer<String> sink, int limit) {
            super("gpuenv-wsl-output");
            setDaemon(true);
            this.stream = stream;
            this.sink = sink;
            this.limit = limit;
        }

        @Override
        public void run() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(n, limit - kept.size())));
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            emit(line);
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
                if (line.size() > 0) {
                    emit(line);
                }
            } catch (IOException ignored) {
                // the stream closes when the process is killed; what was read has been delivered
            }
        }

        private void emit(ByteArrayOutputStream line) {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (listening) {
                try {
                    sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                } catch (RuntimeException e) {
                    listening = false; // keep draining, so the process never blocks on a full pipe
                }
            }
        }

        byte[] kept() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }
}
