package io.github.gpuenv.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as real processes. Output is read on daemon threads and bounded; a process that outlives its
 * timeout is killed with its descendants; an interrupted caller kills the process, gets a {@code FAILED} result
 * and keeps its interrupt flag.
 */
final class ProcessCommandRunner implements CommandRunner {

    static final ProcessCommandRunner INSTANCE = new ProcessCommandRunner();
    private static final Logger LOG = LoggerFactory.getLogger(ProcessCommandRunner.class);
    /** How long output is awaited after the process exited (a grandchild may hold the pipes open). */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private ProcessCommandRunner() {
    }

    @Override
    public CommandResult run(CommandRequest request) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(request.argv());
        builder.environment().putAll(request.environment());
        request.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            LOG.debug("{} could not start: {}", request.argv(), e.getMessage());
            return CommandResult.notStarted(request.argv(), e, since(start));
        }
        ByteArrayOutputStream stdoutKept = new ByteArrayOutputStream();
        ByteArrayOutputStream stderrKept = new ByteArrayOutputStream();
        CompletableFuture<byte[]> stdout = drain(process.getInputStream(), request.maxOutputBytes(), stdoutKept,
                OutputListener.Stream.STDOUT, request.outputListener());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream(), request.maxOutputBytes(), stderrKept,
                OutputListener.Stream.STDERR, request.outputListener());
        writeStdin(process, request.stdin());
        try {
            if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                return CommandResult.failed(request.argv(), CommandResult.Outcome.TIMED_OUT, since(start),
                        "after " + format(request.timeout()));
            }
            // a grandchild holding the pipes open must not hang us once the process itself has exited: 2 s for both
            long graceEnd = System.nanoTime() + OUTPUT_GRACE.toNanos();
            byte[] out = finish(stdout, stdoutKept, graceEnd);
            byte[] err = finish(stderr, stderrKept, graceEnd);
            CommandResult result = CommandResult.exited(request.argv(), process.exitValue(), out, err, since(start));
            LOG.debug("{} -> {} in {} ms", request.argv(), result.summary(), result.elapsed().toMillis());
            return result;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return CommandResult.failed(request.argv(), CommandResult.Outcome.FAILED, since(start), "interrupted");
        }
    }

    private static void writeStdin(Process process, byte[] stdin) {
        OutputStream in = process.getOutputStream();
        if (stdin.length == 0) {
            closeQuietly(in);
            return;
        }
        Thread writer = new Thread(() -> {
            try (in) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the process closed its stdin early; what it printed still tells the story
            }
        }, "gpuenv-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Reads {@code stream} to its end on a daemon thread into {@code kept} (at most {@code limit} bytes), handing
     * every chunk to {@code listener} until it throws.
     */
    private static CompletableFuture<byte[]> drain(InputStream stream, int limit, ByteArrayOutputStream kept,
                                                   OutputListener.Stream which, OutputListener listener) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            boolean listening = true;
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    int room = limit - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                    if (listening && n > 0) {
                        try {
                            listener.output(which, java.util.Arrays.copyOf(buffer, n));
                        } catch (RuntimeException e) {
                            listening = false; // keep draining, so the process never blocks on a full pipe
                        }
                    }
                }
            } catch (IOException ignored) {
                // the stream closes when the process is killed; keep what was read
            }
            result.complete(kept.toByteArray());
        }, "gpuenv-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static byte[] finish(CompletableFuture<byte[]> output, ByteArrayOutputStream kept, long graceEndNanos)
            throws InterruptedException {
        try {
            return output.get(Math.max(0, graceEndNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return kept.toByteArray(); // what the process printed before it exited (synchronized with the reader)
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
