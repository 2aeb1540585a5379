package io.github.gpuenv.wsl.setup;

import io.github.gpuenv.GpuEnvException;

/**
 * A step of {@link WslGpuDockerSetup} failed: which step, what was seen (the diagnosis) and what to do (the remedy).
 * The set-up stops at the first failure; running it again resumes, skipping the steps already done.
 *
 * <p>{@code catch (WslSetupException e) { System.err.println(e.step() + ": " + e.diagnosis() + " → " + e.remedy()); }}
 */
public class WslSetupException extends GpuEnvException {

    private static final long serialVersionUID = 1L;
    private final String step;
    private final String diagnosis;

    public WslSetupException(String step, String diagnosis, String remedy, Throwable cause) {
        super("set-up step " + step, "step '" + step + "' failed: " + diagnosis, remedy, cause);
        this.step = step;
        this.diagnosis = diagnosis;
    }

    /** The id of the step that failed. */
    public String step() {
        return step;
    }

    /** What was seen. */
    public String diagnosis() {
        return diagnosis;
    }
}
