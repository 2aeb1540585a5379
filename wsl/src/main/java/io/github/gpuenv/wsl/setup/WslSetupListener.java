package io.github.gpuenv.wsl.setup;

/**
 * Progress of {@link WslGpuDockerSetup#run(WslSetupListener)}, one call per event, on the caller's thread.
 *
 * <p>{@code setup.run(new WslSetupListener() { public void started(WslSetupStep s) { log.info("{}…", s.id()); } });}
 */
public interface WslSetupListener {

    /** The step found its work already done and is skipped. */
    default void skipped(WslSetupStep step) {
    }

    /** The step starts running its commands. */
    default void started(WslSetupStep step) {
    }

    /** One command of the step is about to run. */
    default void command(WslSetupStep step, java.util.List<String> argv) {
    }

    /** The step finished successfully. */
    default void finished(WslSetupStep step) {
    }

    /** The step failed; the set-up stops after this call and throws {@code failure}. */
    default void failed(WslSetupStep step, WslSetupException failure) {
    }
}
