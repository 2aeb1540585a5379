import com.sun.jna.*;
import com.sun.jna.ptr.*;
import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import static java.lang.foreign.ValueLayout.*;

public class NvmlBench {
    static long t0 = System.nanoTime();
    static StringBuilder sb = new StringBuilder();
    static void mark(String s) { sb.append(s).append('=').append((System.nanoTime() - t0) / 1000).append("us "); }

    public interface Iface extends Library {
        int nvmlInit_v2(); int nvmlShutdown();
        int nvmlSystemGetDriverVersion(byte[] v, int n);
        int nvmlSystemGetCudaDriverVersion_v2(IntByReference c);
        int nvmlDeviceGetCount_v2(IntByReference c);
        int nvmlDeviceGetHandleByIndex_v2(int i, PointerByReference d);
        int nvmlDeviceGetName(Pointer d, byte[] b, int n);
        int nvmlDeviceGetUUID(Pointer d, byte[] b, int n);
        int nvmlDeviceGetPciInfo_v3(Pointer d, Pci p);
        int nvmlDeviceGetMemoryInfo(Pointer d, Mem m);
        int nvmlDeviceGetCudaComputeCapability(Pointer d, IntByReference a, IntByReference b);
        int nvmlDeviceGetMigMode(Pointer d, IntByReference a, IntByReference b);
    }
    @Structure.FieldOrder({"busIdLegacy", "domain", "bus", "device", "pciDeviceId", "pciSubSystemId", "busId"})
    public static class Pci extends Structure { public byte[] busIdLegacy = new byte[16]; public int domain, bus, device, pciDeviceId, pciSubSystemId; public byte[] busId = new byte[32]; }
    @Structure.FieldOrder({"total", "free", "used"})
    public static class Mem extends Structure { public long total, free, used; }

    public interface IfaceArr extends Library {
        int nvmlInit_v2(); int nvmlShutdown();
        int nvmlSystemGetDriverVersion(byte[] v, int n);
        int nvmlSystemGetCudaDriverVersion_v2(int[] c);
        int nvmlDeviceGetCount_v2(int[] c);
        int nvmlDeviceGetHandleByIndex_v2(int i, long[] d);
        int nvmlDeviceGetName(long d, byte[] b, int n);
        int nvmlDeviceGetUUID(long d, byte[] b, int n);
        int nvmlDeviceGetPciInfo_v3(long d, byte[] p);
        int nvmlDeviceGetMemoryInfo(long d, long[] m);
        int nvmlDeviceGetCudaComputeCapability(long d, int[] a, int[] b);
        int nvmlDeviceGetMigMode(long d, int[] a, int[] b);
    }
    public interface IfacePtr extends Library {
        int nvmlInit_v2(); int nvmlShutdown();
        int nvmlSystemGetDriverVersion(byte[] v, int n);
        int nvmlSystemGetCudaDriverVersion_v2(int[] c);
        int nvmlDeviceGetCount_v2(int[] c);
        int nvmlDeviceGetHandleByIndex_v2(int i, PointerByReference d);
        int nvmlDeviceGetName(Pointer d, byte[] b, int n);
        int nvmlDeviceGetUUID(Pointer d, byte[] b, int n);
        int nvmlDeviceGetPciInfo_v3(Pointer d, byte[] p);
        int nvmlDeviceGetMemoryInfo(Pointer d, long[] m);
        int nvmlDeviceGetCudaComputeCapability(Pointer d, int[] a, int[] b);
        int nvmlDeviceGetMigMode(Pointer d, int[] a, int[] b);
    }
    public static final class Direct {
        public static native int nvmlInit_v2(); public static native int nvmlShutdown();
        public static native int nvmlSystemGetDriverVersion(byte[] v, int n);
        public static native int nvmlSystemGetCudaDriverVersion_v2(int[] c);
        public static native int nvmlDeviceGetCount_v2(int[] c);
        public static native int nvmlDeviceGetHandleByIndex_v2(int i, long[] d);
        public static native int nvmlDeviceGetName(long d, byte[] b, int n);
        public static native int nvmlDeviceGetUUID(long d, byte[] b, int n);
        public static native int nvmlDeviceGetPciInfo_v3(long d, byte[] p);
        public static native int nvmlDeviceGetMemoryInfo(long d, long[] m);
        public static native int nvmlDeviceGetCudaComputeCapability(long d, int[] a, int[] b);
        public static native int nvmlDeviceGetMigMode(long d, int[] a, int[] b);
    }
    static String str(byte[] b) { int e = 0; while (e < b.length && b[e] != 0) e++; return new String(b, 0, e); }

    public static void main(String[] a) throws Throwable {
        String lib = a.length > 1 ? a[1] : "nvidia-ml";
        String out;
        mark("main");
        switch (a[0]) {
            case "hello" -> out = "hello";
            case "iface" -> {
                int ps = Native.POINTER_SIZE; mark("native");
                Iface n = Native.load(lib, Iface.class); mark("load");
                n.nvmlInit_v2(); mark("init");
                byte[] v = new byte[80]; n.nvmlSystemGetDriverVersion(v, 80);
                IntByReference c = new IntByReference(); n.nvmlSystemGetCudaDriverVersion_v2(c);
                IntByReference cnt = new IntByReference(); n.nvmlDeviceGetCount_v2(cnt); mark("sys");
                StringBuilder o = new StringBuilder(str(v) + " " + c.getValue() + " " + cnt.getValue());
                for (int i = 0; i < cnt.getValue(); i++) {
                    PointerByReference h = new PointerByReference(); n.nvmlDeviceGetHandleByIndex_v2(i, h); Pointer d = h.getValue();
                    byte[] nm = new byte[96]; n.nvmlDeviceGetName(d, nm, 96);
                    byte[] u = new byte[96]; n.nvmlDeviceGetUUID(d, u, 96);
                    Pci p = new Pci(); n.nvmlDeviceGetPciInfo_v3(d, p);
                    Mem m = new Mem(); n.nvmlDeviceGetMemoryInfo(d, m);
                    IntByReference x = new IntByReference(), y = new IntByReference(); n.nvmlDeviceGetCudaComputeCapability(d, x, y);
                    IntByReference cm = new IntByReference(), pm = new IntByReference(); n.nvmlDeviceGetMigMode(d, cm, pm);
                    o.append(" | ").append(str(nm)).append(' ').append(str(u)).append(' ').append(str(p.busId)).append(' ').append(m.total).append(' ').append(x.getValue()).append('.').append(y.getValue()).append(' ').append(cm.getValue());
                }
                mark("devs"); n.nvmlShutdown(); mark("shut"); out = o.toString();
            }
            case "arr", "direct" -> {
                int ps = Native.POINTER_SIZE; mark("native");
                boolean direct = a[0].equals("direct");
                IfaceArr n = null;
                NativeLibrary nl = NativeLibrary.getInstance(lib); mark("nlib");
                if (direct) Native.register(Direct.class, nl); else n = Native.load(lib, IfaceArr.class);
                mark("load");
                int rc = direct ? Direct.nvmlInit_v2() : n.nvmlInit_v2(); mark("init");
                byte[] v = new byte[80]; int[] c = new int[1], cnt = new int[1];
                if (direct) { Direct.nvmlSystemGetDriverVersion(v, 80); Direct.nvmlSystemGetCudaDriverVersion_v2(c); Direct.nvmlDeviceGetCount_v2(cnt); }
                else { n.nvmlSystemGetDriverVersion(v, 80); n.nvmlSystemGetCudaDriverVersion_v2(c); n.nvmlDeviceGetCount_v2(cnt); }
                mark("sys");
                StringBuilder o = new StringBuilder(str(v) + " " + c[0] + " " + cnt[0]);
                for (int i = 0; i < cnt[0]; i++) {
                    long[] h = new long[1]; byte[] nm = new byte[96], u = new byte[96], p = new byte[68]; long[] m = new long[3];
                    int[] x = new int[1], y = new int[1], cm = new int[1], pm = new int[1];
                    if (direct) { Direct.nvmlDeviceGetHandleByIndex_v2(i, h); long d = h[0]; Direct.nvmlDeviceGetName(d, nm, 96); Direct.nvmlDeviceGetUUID(d, u, 96); Direct.nvmlDeviceGetPciInfo_v3(d, p); Direct.nvmlDeviceGetMemoryInfo(d, m); Direct.nvmlDeviceGetCudaComputeCapability(d, x, y); Direct.nvmlDeviceGetMigMode(d, cm, pm); }
                    else { n.nvmlDeviceGetHandleByIndex_v2(i, h); long d = h[0]; n.nvmlDeviceGetName(d, nm, 96); n.nvmlDeviceGetUUID(d, u, 96); n.nvmlDeviceGetPciInfo_v3(d, p); n.nvmlDeviceGetMemoryInfo(d, m); n.nvmlDeviceGetCudaComputeCapability(d, x, y); n.nvmlDeviceGetMigMode(d, cm, pm); }
                    byte[] bus = java.util.Arrays.copyOfRange(p, 36, 68);
                    o.append(" | ").append(str(nm)).append(' ').append(str(u)).append(' ').append(str(bus)).append(' ').append(m[0]).append(' ').append(x[0]).append('.').append(y[0]).append(' ').append(cm[0]);
                }
                mark("devs"); if (direct) Direct.nvmlShutdown(); else n.nvmlShutdown(); mark("shut"); out = o.toString();
            }
            case "ptr" -> {
                int ps = Native.POINTER_SIZE; mark("native");
                NativeLibrary nl = NativeLibrary.getInstance(lib); mark("nlib");
                IfacePtr n = Native.load(lib, IfacePtr.class); mark("load");
                n.nvmlInit_v2(); mark("init");
                byte[] v = new byte[80]; int[] c = new int[1], cnt = new int[1];
                n.nvmlSystemGetDriverVersion(v, 80); n.nvmlSystemGetCudaDriverVersion_v2(c); n.nvmlDeviceGetCount_v2(cnt); mark("sys");
                StringBuilder o = new StringBuilder(str(v) + " " + c[0] + " " + cnt[0]);
                for (int i = 0; i < cnt[0]; i++) {
                    PointerByReference h = new PointerByReference(); byte[] nm = new byte[96], u = new byte[96], p = new byte[68]; long[] m = new long[3];
                    int[] x = new int[1], y = new int[1], cm = new int[1], pm = new int[1];
                    n.nvmlDeviceGetHandleByIndex_v2(i, h); Pointer d = h.getValue(); n.nvmlDeviceGetName(d, nm, 96); n.nvmlDeviceGetUUID(d, u, 96); n.nvmlDeviceGetPciInfo_v3(d, p); n.nvmlDeviceGetMemoryInfo(d, m); n.nvmlDeviceGetCudaComputeCapability(d, x, y); n.nvmlDeviceGetMigMode(d, cm, pm);
                    byte[] bus = java.util.Arrays.copyOfRange(p, 36, 68);
                    o.append(" | ").append(str(nm)).append(' ').append(str(u)).append(' ').append(str(bus)).append(' ').append(m[0]).append(' ').append(x[0]).append('.').append(y[0]).append(' ').append(cm[0]);
                }
                mark("devs"); n.nvmlShutdown(); mark("shut"); out = o.toString();
            }
            case "ffm" -> {
                Linker l = Linker.nativeLinker();
                String so = lib.equals("nvidia-ml") ? "libnvidia-ml.so.1" : lib;
                SymbolLookup s = SymbolLookup.libraryLookup(so, Arena.global()); mark("load");
                MethodHandle init = l.downcallHandle(s.find("nvmlInit_v2").get(), FunctionDescriptor.of(JAVA_INT));
                MethodHandle shut = l.downcallHandle(s.find("nvmlShutdown").get(), FunctionDescriptor.of(JAVA_INT));
                FunctionDescriptor pI = FunctionDescriptor.of(JAVA_INT, ADDRESS);
                FunctionDescriptor pBI = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
                FunctionDescriptor iP = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS);
                FunctionDescriptor pP = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
                FunctionDescriptor pPP = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
                FunctionDescriptor pPI = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
                int rc = (int) init.invokeExact(); mark("init");
                try (Arena ar = Arena.ofConfined()) {
                    MemorySegment v = ar.allocate(80), c = ar.allocate(4), cnt = ar.allocate(4);
                    int r1 = (int) l.downcallHandle(s.find("nvmlSystemGetDriverVersion").get(), pBI).invokeExact(v, 80);
                    int r2 = (int) l.downcallHandle(s.find("nvmlSystemGetCudaDriverVersion_v2").get(), pI).invokeExact(c);
                    int r3 = (int) l.downcallHandle(s.find("nvmlDeviceGetCount_v2").get(), pI).invokeExact(cnt);
                    mark("sys");
                    StringBuilder o = new StringBuilder(v.getString(0) + " " + c.get(JAVA_INT, 0) + " " + cnt.get(JAVA_INT, 0));
                    MethodHandle hbi = l.downcallHandle(s.find("nvmlDeviceGetHandleByIndex_v2").get(), iP);
                    MethodHandle name = l.downcallHandle(s.find("nvmlDeviceGetName").get(), pPI);
                    MethodHandle uuid = l.downcallHandle(s.find("nvmlDeviceGetUUID").get(), pPI);
                    MethodHandle pci = l.downcallHandle(s.find("nvmlDeviceGetPciInfo_v3").get(), pP);
                    MethodHandle mem = l.downcallHandle(s.find("nvmlDeviceGetMemoryInfo").get(), pP);
                    MethodHandle cc = l.downcallHandle(s.find("nvmlDeviceGetCudaComputeCapability").get(), pPP);
                    MethodHandle mig = l.downcallHandle(s.find("nvmlDeviceGetMigMode").get(), pPP);
                    for (int i = 0; i < cnt.get(JAVA_INT, 0); i++) {
                        MemorySegment h = ar.allocate(8), nm = ar.allocate(96), u = ar.allocate(96), p = ar.allocate(68), m = ar.allocate(24), x = ar.allocate(4), y = ar.allocate(4), cm = ar.allocate(4), pm = ar.allocate(4);
                        int q = (int) hbi.invokeExact(i, h); MemorySegment d = h.get(ADDRESS, 0);
                        q = (int) name.invokeExact(d, nm, 96); q = (int) uuid.invokeExact(d, u, 96); q = (int) pci.invokeExact(d, p); q = (int) mem.invokeExact(d, m);
                        q = (int) cc.invokeExact(d, x, y); q = (int) mig.invokeExact(d, cm, pm);
                        o.append(" | ").append(nm.getString(0)).append(' ').append(u.getString(0)).append(' ').append(p.getString(36)).append(' ').append(m.get(JAVA_LONG, 0)).append(' ').append(x.get(JAVA_INT, 0)).append('.').append(y.get(JAVA_INT, 0)).append(' ').append(cm.get(JAVA_INT, 0));
                    }
                    mark("devs"); int z = (int) shut.invokeExact(); mark("shut"); out = o.toString();
                }
            }
            default -> throw new IllegalArgumentException(a[0]);
        }
        System.out.println(out);
        System.err.println(a[0] + " " + sb);
    }
}
