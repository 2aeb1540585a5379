package io.github.gpuenv.internal.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvmlDeviceReaderTest {

    @Test
    void driverAndGpu() {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary().gpu(new FakeNvmlLibrary.Gpu());
        assertThat(new NvmlDeviceReader(nvml).read()).isEqualTo(Fact.known(new NvidiaDriver("580.159.04", "13.0",
                "nvml", List.of(new GpuDevice(0, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510",
                        "00000000:00:06.0", 150_754_820_096L, "9.0", null))), "nvml"));
    }

    @Test
    void migModeWhenSupported() {
        FakeNvmlLibrary.Gpu enabled = new FakeNvmlLibrary.Gpu();
        enabled.migRc = 0;
        enabled.migMode = NvmlLibrary.MIG_ENABLE;
        FakeNvmlLibrary.Gpu disabled = new FakeNvmlLibrary.Gpu();
        disabled.migRc = 0;
        List<GpuDevice> gpus = new NvmlDeviceReader(new FakeNvmlLibrary().gpu(enabled).gpu(disabled)).read().value()
                .gpus();
        assertThat(gpus).extracting(GpuDevice::migMode).containsExactly("Enabled", "Disabled");
    }

    @Test
    void aLostGpuDoesNotLoseTheOthers() {
        FakeNvmlLibrary.Gpu lost = new FakeNvmlLibrary.Gpu();
        lost.handleRc = NvmlReturn.GPU_IS_LOST;
        FakeNvmlLibrary.Gpu partly = new FakeNvmlLibrary.Gpu();
        partly.busId = "00000000:00:08.0";
        partly.memoryRc = NvmlReturn.GPU_IS_LOST;
        partly.ccRc = NvmlReturn.NOT_SUPPORTED;
        partly.migRc = NvmlReturn.FUNCTION_NOT_FOUND;

        List<GpuDevice> gpus = new NvmlDeviceReader(new FakeNvmlLibrary().gpu(new FakeNvmlLibrary.Gpu()).gpu(lost)
                .gpu(partly)).read().value().gpus();

        assertThat(gpus).hasSize(3);
        assertThat(gpus.get(0).error()).isNull();
        assertThat(gpus.get(1)).isEqualTo(new GpuDevice(1, "", null, null, null, null, null,
                "nvmlDeviceGetHandleByIndex_v2: GPU is lost (NVML_ERROR_GPU_IS_LOST)"));
        assertThat(gpus.get(2)).isEqualTo(new GpuDevice(2, "NVIDIA H200", "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510",
                "00000000:00:08.0", null, null, null,
                "nvmlDeviceGetMemoryInfo: GPU is lost (NVML_ERROR_GPU_IS_LOST)"));
    }

    @Test
    void systemCallFailuresMapToReasons() {
        FakeNvmlLibrary notLoaded = new FakeNvmlLibrary();
        notLoaded.driverRc = NvmlReturn.DRIVER_NOT_LOADED;
        assertThat(new NvmlDeviceReader(notLoaded).read()).isEqualTo(Fact.unknown(Reason.DRIVER_NOT_LOADED,
                "nvmlSystemGetDriverVersion: Driver Not Loaded (NVML_ERROR_DRIVER_NOT_LOADED)"));

        FakeNvmlLibrary mismatch = new FakeNvmlLibrary();
        mismatch.countRc = NvmlReturn.LIB_RM_VERSION_MISMATCH;
        assertThat(new NvmlDeviceReader(mismatch).read().unknownReason()).contains(Reason.LIBRARY_VERSION_MISMATCH);
    }

    @Test
    void cudaVersionFailureLeavesItEmpty() {
        FakeNvmlLibrary nvml = new FakeNvmlLibrary();
        nvml.cudaRc = NvmlReturn.FUNCTION_NOT_FOUND;
        assertThat(new NvmlDeviceReader(nvml).read().value()).isEqualTo(new NvidiaDriver("580.159.04", "", "nvml",
                List.of()));
    }

    @Test
    void cudaVersionText() {
        assertThat(NvmlDeviceReader.cudaVersionText(13000)).isEqualTo("13.0");
        assertThat(NvmlDeviceReader.cudaVersionText(12040)).isEqualTo("12.4");
        assertThat(NvmlDeviceReader.cudaVersionText(11080)).isEqualTo("11.8");
        assertThat(NvmlDeviceReader.cudaVersionText(0)).isEmpty();
    }

    @Test
    void cStrings() {
        assertThat(NvmlDeviceReader.text(new byte[] {'5', '8', '0', 0, 'x'})).isEqualTo("580");
        assertThat(NvmlDeviceReader.text(new byte[] {'a', 'b'})).as("no NUL: the whole buffer").isEqualTo("ab");
        assertThat(NvmlDeviceReader.text(new byte[8])).isEmpty();
    }

    @Test
    void missingFunctionIsFunctionNotFound() {
        assertThat(NvmlDeviceReader.call(() -> {
            throw new UnsatisfiedLinkError("Error looking up function 'nvmlDeviceGetMigMode'");
        })).isEqualTo(NvmlReturn.FUNCTION_NOT_FOUND);
    }

    @Test
    void returnCodes() {
        assertThat(NvmlReturn.reason(9)).isEqualTo(Reason.DRIVER_NOT_LOADED);
        assertThat(NvmlReturn.reason(4)).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(NvmlReturn.reason(18)).isEqualTo(Reason.LIBRARY_VERSION_MISMATCH);
        assertThat(NvmlReturn.reason(12)).isEqualTo(Reason.NOT_FOUND);
        assertThat(NvmlReturn.reason(10)).isEqualTo(Reason.TIMED_OUT);
        assertThat(NvmlReturn.reason(15)).isEqualTo(Reason.COMMAND_FAILED);
        assertThat(NvmlReturn.reason(999)).isEqualTo(Reason.COMMAND_FAILED);
        assertThat(NvmlReturn.name(999)).isEqualTo("NVML_ERROR_UNKNOWN");
        assertThat(NvmlReturn.name(4242)).isEqualTo("nvmlReturn_t 4242");
    }

    @Test
    void pciInfoBusIdIsReadAtNvmlHsOffset() {
        // the bytes as the C library writes nvmlPciInfo_t: busIdLegacy[16], five unsigned ints, busId[32]
        Memory struct = new Memory(NvmlLibrary.PCI_INFO_SIZE);
        struct.clear();
        byte[] legacy = "0000:00:06.0\0".getBytes(StandardCharsets.US_ASCII);
        struct.write(0, legacy, 0, legacy.length);
        struct.setInt(16, 0x11);
        struct.setInt(20, 0x22);
        struct.setInt(32, 0x55);
        byte[] busId = "00000000:00:06.0\0".getBytes(StandardCharsets.US_ASCII);
        struct.write(36, busId, 0, busId.length);
        byte[] bytes = struct.getByteArray(0, NvmlLibrary.PCI_INFO_SIZE);

        assertThat(NvmlDeviceReader.busId(bytes)).isEqualTo("00000000:00:06.0");
        assertThat(NvmlDeviceReader.text(bytes)).isEqualTo("0000:00:06.0");
        // a busId that fills its 32 bytes without a NUL ends at the buffer
        java.util.Arrays.fill(bytes, 36, 68, (byte) 'a');
        assertThat(NvmlDeviceReader.busId(bytes)).hasSize(32);
    }

    @Test
    void arrayOutParametersReachNativeCodeAsPointers() {
        // libc's pipe(int fd[2]) writes two ints through the pointer JNA passes for an int[]: the mapping NvmlLibrary
        // uses for every out-parameter, checked against real native code (there is no NVML here)
        int[] fds = {-1, -1};
        int rc = com.sun.jna.Native.load("c", LibC.class).pipe(fds);
        assertThat(rc).isZero();
        assertThat(fds[0]).isNotNegative();
        assertThat(fds[1]).isNotNegative().isNotEqualTo(fds[0]);
        LibC libc = com.sun.jna.Native.load("c", LibC.class);
        libc.close(fds[0]);
        libc.close(fds[1]);
    }

    /** The two libc functions the out-parameter test calls. */
    public interface LibC extends com.sun.jna.Library {
        int pipe(int[] fds);

        int close(int fd);
    }
}
