package io.github.gpuenv.wsl;

import io.github.gpuenv.report.WslProblem;

/**
 * WSL 2 could not start its virtual machine: the Virtual Machine Platform optional component is off, or
 * virtualization is disabled in the firmware ({@code …/HCS/HCS_E_SERVICE_NOT_AVAILABLE},
 * {@code HCS_E_HYPERV_NOT_INSTALLED}, {@code 0x80370102}).
 *
 * <p>{@code catch (WslVirtualizationDisabledException e) { System.err.println(e.remedy()); }}
 */
public class WslVirtualizationDisabledException extends WslCommandException {

    private static final long serialVersionUID = 1L;

    public WslVirtualizationDisabledException(WslCommandException details) {
        super(details, "WSL 2 could not start its virtual machine (" + details.errorCode().orElse("no error code")
                + "): the Virtual Machine Platform component is off or virtualization is disabled",
                WslProblem.VMP_DISABLED.remedy());
    }
}
