package io.github.gpuenv.internal.nvidia;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link NvmlLibrary} over JNA's {@link Function}s, without the dynamic proxy {@code Native.load} would build: the
 * proxy's class is generated at run time on every start (an AOT cache cannot hold it) and each first call of a method
 * goes through reflection, about 10 ms of a cold {@code detect} on the H200 (docs/speed.md). Same behaviour as the
 * proxy: the library is opened when this is made ({@link UnsatisfiedLinkError} when it cannot be), a function is
 * looked up on its first call and kept, and a function the library lacks throws {@link UnsatisfiedLinkError} then.
 * Array arguments are passed as pointers to their elements and read back after the call, as for a proxy.
 */
final class JnaNvmlLibrary implements NvmlLibrary {

    private final NativeLibrary library;
    private final Map<String, Function> functions = new ConcurrentHashMap<>();

    /** Opens {@code library} (a soname or a path). */
    JnaNvmlLibrary(String library) {
        this.library = NativeLibrary.getInstance(library);
    }

    private Function function(String name) {
        return functions.computeIfAbsent(name, library::getFunction);
    }

    private int call(String name, Object... args) {
        return function(name).invokeInt(args);
    }

    @Override
    public int nvmlInit_v2() {
        return call("nvmlInit_v2");
    }

    @Override
    public int nvmlShutdown() {
        return call("nvmlShutdown");
    }

    @Override
    public String nvmlErrorString(int result) {
        return function("nvmlErrorString").invokeString(new Object[] {result}, false);
    }

    @Override
    public int nvmlSystemGetDriverVersion(byte[] version, int length) {
        return call("nvmlSystemGetDriverVersion", version, length);
    }

    @Override
    public int nvmlSystemGetCudaDriverVersion_v2(int[] cudaDriverVersion) {
        return call("nvmlSystemGetCudaDriverVersion_v2", cudaDriverVersion);
    }

    @Override
    public int nvmlDeviceGetCount_v2(int[] deviceCount) {
        return call("nvmlDeviceGetCount_v2", deviceCount);
    }

    @Override
    public int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device) {
        return call("nvmlDeviceGetHandleByIndex_v2", index, device);
    }

    @Override
    public int nvmlDeviceGetName(Pointer device, byte[] name, int length) {
        return call("nvmlDeviceGetName", device, name, length);
    }

    @Override
    public int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length) {
        return call("nvmlDeviceGetUUID", device, uuid, length);
    }

    @Override
    public int nvmlDeviceGetPciInfo_v3(Pointer device, byte[] pci) {
        return call("nvmlDeviceGetPciInfo_v3", device, pci);
    }

    @Override
    public int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory) {
        return call("nvmlDeviceGetMemoryInfo", device, memory);
    }

    @Override
    public int nvmlDeviceGetCudaComputeCapability(Pointer device, int[] major, int[] minor) {
        return call("nvmlDeviceGetCudaComputeCapability", device, major, minor);
    }

    @Override
    public int nvmlDeviceGetMigMode(Pointer device, int[] currentMode, int[] pendingMode) {
        return call("nvmlDeviceGetMigMode", device, currentMode, pendingMode);
    }
}
