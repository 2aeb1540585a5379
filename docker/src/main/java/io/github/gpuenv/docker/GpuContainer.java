package io.github.gpuenv.docker;

import io.github.gpuenv.docker.internal.ContainerHandle;
import io.github.gpuenv.docker.internal.Readiness;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A container started detached by {@link DockerGpu#start(RunOptions)}: a server, a training job, anything that runs
 * longer than one call. Safe for many threads.
 *
 * <pre>{@code
 * try (GpuContainer server = docker.start(RunOptions.builder("vllm/vllm-openai:latest")
 *         .gpus(GpuRequest.all()).network("bridge").publish("127.0.0.1::8000").ipc(IpcMode.HOST)
 *         .volume("hf-cache:/root/.cache/huggingface").command("--model", "Qwen/Qwen2.5-0.5B-Instruct").build())) {
 *     server.waitUntil(WaitCondition.portOpen(8000), Duration.ofMinutes(10));
 *     URI api = URI.create("http://127.0.0.1:" + server.hostPort(8000) + "/v1/models");
 *     ...
 * }   // stopped (SIGTERM, then SIGKILL after the stop timeout) and removed
 * }</pre>
 *
 * <p><b>Lifetime.</b> It belongs to its {@code DockerGpu}'s session: {@link #close()} stops and removes it;
 * {@link DockerGpu#close()} removes (kills) those still open; a JVM that exits removes them in its shutdown hook;
 * one that dies without hooks leaves them to the next sweep (another gpuenv removes them once it can prove this
 * process gone, or its lease lapsed). Started with {@link RunOptions.Builder#outliveSession(boolean)}, it outlives
 * all of that — no {@code DockerGpu} and no sweep ever removes it — and only {@link #close()} or {@code docker rm}
 * does.
 *
 * <p><b>Bounds.</b> Each call is bounded: inspections by {@link ConnectOptions#requestTimeout()}, {@link #stop} by
 * its grace plus that, {@link #waitUntil} by its timeout. Failures are the {@link DockerGpuException} family.
 */
public final class GpuContainer implements AutoCloseable {

    private final ContainerHandle handle;
    private final DockerGpu owner;

    GpuContainer(ContainerHandle handle, DockerGpu owner) {
        this.handle = handle;
        this.owner = owner;
    }

    /** The container's id (64 hex digits). */
    public String id() {
        return handle.id();
    }

    /** Its name: the one given ({@link RunOptions.Builder#name}), else the engine's (one inspect, then kept). */
    public String name() {
        check();
        return handle.name();
    }

    /** The GPU attach strategy used; {@code null} when no GPUs were requested. */
    public Attach attach() {
        return handle.attach();
    }

    /** Whether it outlives its session ({@link RunOptions#outliveSession()}). */
    public boolean outlivesSession() {
        return handle.outlivesSession();
    }

    /**
     * Follows its output: everything since its start, then each chunk as it arrives, on a docker-java thread, until
     * it stops or the returned stream is closed (at the latest at {@link #close()}).
     */
    public LogFollow logs(OutputListener listener) {
        Objects.requireNonNull(listener, "listener");
        check();
        return handle.follow(listener);
    }

    /**
     * Waits until {@code condition} holds, at most {@code timeout}; returns this.
     *
     * @throws ContainerTimeoutException when the time ran out (the container still runs)
     * @throws ContainerExitedException when the container exited first (its exit code and last output in the
     *         message; it is not removed)
     * @throws ContainerInterruptedException when the thread was interrupted (its flag set again)
     * @throws IllegalArgumentException for {@link WaitCondition#portOpen} of a port neither published nor reachable
     *         at the container's address
     */
    public GpuContainer waitUntil(WaitCondition condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout < 0");
        }
        check();
        Readiness.await(handle, condition, timeout);
        return this;
    }

    /**
     * {@code docker stop}: its stop signal (SIGTERM unless the image says otherwise), then SIGKILL after
     * {@code grace} (whole seconds, rounded up; {@link Duration#ZERO}: at once). Returns once it has stopped; an
     * exited container is left as it is. The container is not removed: {@link #exitCode()} and {@link #logs} still
     * work.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace < 0");
        }
        check();
        handle.stop(grace);
    }

    /** Its exit code; empty while it runs (or has not started). */
    public OptionalInt exitCode() {
        check();
        return handle.exitCode();
    }

    /** Its state, addresses and bound ports, as the engine reports them now. */
    public ContainerState inspect() {
        check();
        return handle.inspect();
    }

    /**
     * The host port the engine bound for TCP {@code containerPort} (the one it picked, for a random host port).
     *
     * @throws IllegalArgumentException when that port is not published
     */
    public int hostPort(int containerPort) {
        check();
        return handle.hostPort(containerPort);
    }

    /**
     * Where this process reaches TCP {@code containerPort}: the engine's host ({@code tcp://} endpoints) or
     * {@code 127.0.0.1} (local sockets; the bound address when it is a specific one), and the host port. Unresolved.
     *
     * @throws IllegalArgumentException when that port is not published
     */
    public InetSocketAddress address(int containerPort) {
        check();
        return handle.address(containerPort);
    }

    /**
     * Stops it (its stop timeout, else 10 s) and removes it with its anonymous volumes (named volumes stay); also
     * when it outlives its session. A second call does nothing.
     *
     * @throws DockerGpuException when the removal failed (the message says how to remove it)
     * @throws IllegalStateException when its {@code DockerGpu} was closed first and it outlives its session (then
     *         remove it with {@code docker rm -f <id>}, or from another {@code DockerGpu})
     */
    @Override
    public void close() {
        if (handle.closed()) {
            return;
        }
        check();
        handle.close();
    }

    private void check() {
        if (!owner.isOpen()) {
            throw new IllegalStateException("the DockerGpu of container " + id() + " is closed"
                    + (handle.outlivesSession() ? " (the container outlives it: docker rm -f " + id() + ")"
                    : " (and the container was removed with it)"));
        }
        if (handle.closed()) {
            throw new IllegalStateException("container " + id() + " was closed (stopped and removed)");
        }
    }

    @Override
    public String toString() {
        return "GpuContainer[" + handle.id() + ", " + handle.options().image() + "]";
    }
}
