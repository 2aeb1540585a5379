/*
 * A CUDA driver-API check for a container that has only a libc and the driver gpuenv gave it: loads libcuda.so.1
 * by name (so the container's loader must find it), JIT-compiles a PTX vector-add kernel, runs it on GPU 0 over
 * 2^20 floats and verifies every element on the host. Prints where the loader found libcuda, and exits 0 only
 * when every element is right. Build: gcc -O2 -o cuda_vecadd cuda_vecadd.c -ldl (no CUDA toolkit needed).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

typedef int CUresult;
typedef int CUdevice;
typedef void *CUcontext;
typedef void *CUmodule;
typedef void *CUfunction;
typedef unsigned long long CUdeviceptr;

static const char PTX[] =
    ".version 6.0\n.target sm_50\n.address_size 64\n"
    ".visible .entry vadd(.param .u64 a, .param .u64 b, .param .u64 c, .param .u32 n)\n{\n"
    "  .reg .pred p;\n  .reg .b32 r<6>;\n  .reg .b64 rd<11>;\n  .reg .f32 f<4>;\n"
    "  ld.param.u64 rd1, [a];\n  ld.param.u64 rd2, [b];\n  ld.param.u64 rd3, [c];\n  ld.param.u32 r1, [n];\n"
    "  mov.u32 r2, %ctaid.x;\n  mov.u32 r3, %ntid.x;\n  mov.u32 r4, %tid.x;\n  mad.lo.s32 r5, r2, r3, r4;\n"
    "  setp.ge.u32 p, r5, r1;\n  @p bra DONE;\n"
    "  cvta.to.global.u64 rd4, rd1;\n  cvta.to.global.u64 rd5, rd2;\n  cvta.to.global.u64 rd6, rd3;\n"
    "  mul.wide.u32 rd7, r5, 4;\n  add.s64 rd8, rd4, rd7;\n  add.s64 rd9, rd5, rd7;\n  add.s64 rd10, rd6, rd7;\n"
    "  ld.global.f32 f1, [rd8];\n  ld.global.f32 f2, [rd9];\n  add.f32 f3, f1, f2;\n  st.global.f32 [rd10], f3;\n"
    "DONE:\n  ret;\n}\n";

static void *lib;
static CUresult (*cuGetErrorString)(CUresult, const char **);

static void *sym(const char *name) {
    void *f = dlsym(lib, name);
    if (!f) { fprintf(stderr, "cuda_vecadd: libcuda has no %s\n", name); exit(3); }
    return f;
}

static void check(CUresult r, const char *what) {
    if (r != 0) {
        const char *s = "?";
        if (cuGetErrorString) cuGetErrorString(r, &s);
        fprintf(stderr, "cuda_vecadd: %s failed: error %d (%s)\n", what, r, s);
        exit(4);
    }
}

int main(void) {
    lib = dlopen("libcuda.so.1", RTLD_NOW);
    if (!lib) { fprintf(stderr, "cuda_vecadd: %s\n", dlerror()); return 2; }
    struct link_map *map = NULL;
    dlinfo(lib, RTLD_DI_LINKMAP, &map);
    printf("libcuda.so.1 loaded from %s\n", map ? map->l_name : "?");
    printf("LD_LIBRARY_PATH=%s\n", getenv("LD_LIBRARY_PATH") ? getenv("LD_LIBRARY_PATH") : "(unset)");

    cuGetErrorString = (CUresult (*)(CUresult, const char **)) sym("cuGetErrorString");
    CUresult (*cuInit)(unsigned) = sym("cuInit");
    CUresult (*cuDriverGetVersion)(int *) = sym("cuDriverGetVersion");
    CUresult (*cuDeviceGet)(CUdevice *, int) = sym("cuDeviceGet");
    CUresult (*cuDeviceGetName)(char *, int, CUdevice) = sym("cuDeviceGetName");
    CUresult (*cuDeviceGetAttribute)(int *, int, CUdevice) = sym("cuDeviceGetAttribute");
    CUresult (*cuCtxCreate)(CUcontext *, unsigned, CUdevice) = sym("cuCtxCreate_v2");
    CUresult (*cuModuleLoadData)(CUmodule *, const void *) = sym("cuModuleLoadData");
    CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *) = sym("cuModuleGetFunction");
    CUresult (*cuMemAlloc)(CUdeviceptr *, size_t) = sym("cuMemAlloc_v2");
    CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, size_t) = sym("cuMemcpyHtoD_v2");
    CUresult (*cuMemcpyDtoH)(void *, CUdeviceptr, size_t) = sym("cuMemcpyDtoH_v2");
    CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                               void *, void **, void **) = sym("cuLaunchKernel");
    CUresult (*cuCtxSynchronize)(void) = sym("cuCtxSynchronize");

    check(cuInit(0), "cuInit");
    int version = 0, major = 0, minor = 0;
    check(cuDriverGetVersion(&version), "cuDriverGetVersion");
    CUdevice dev;
    check(cuDeviceGet(&dev, 0), "cuDeviceGet");
    char name[256] = {0};
    check(cuDeviceGetName(name, sizeof name, dev), "cuDeviceGetName");
    check(cuDeviceGetAttribute(&major, 75, dev), "compute capability major");
    check(cuDeviceGetAttribute(&minor, 76, dev), "compute capability minor");
    CUcontext ctx;
    check(cuCtxCreate(&ctx, 0, dev), "cuCtxCreate");
    CUmodule mod;
    check(cuModuleLoadData(&mod, PTX), "cuModuleLoadData (PTX JIT)");
    CUfunction fn;
    check(cuModuleGetFunction(&fn, mod, "vadd"), "cuModuleGetFunction");

    unsigned n = 1u << 20;
    size_t bytes = n * sizeof(float);
    float *a = malloc(bytes), *b = malloc(bytes), *c = malloc(bytes);
    for (unsigned i = 0; i < n; i++) { a[i] = (float) i; b[i] = 2.0f * (float) (i % 4096); c[i] = -1.0f; }
    CUdeviceptr da, db, dc;
    check(cuMemAlloc(&da, bytes), "cuMemAlloc");
    check(cuMemAlloc(&db, bytes), "cuMemAlloc");
    check(cuMemAlloc(&dc, bytes), "cuMemAlloc");
    check(cuMemcpyHtoD(da, a, bytes), "cuMemcpyHtoD");
    check(cuMemcpyHtoD(db, b, bytes), "cuMemcpyHtoD");
    void *args[] = {&da, &db, &dc, &n};
    check(cuLaunchKernel(fn, (n + 255) / 256, 1, 1, 256, 1, 1, 0, NULL, args, NULL), "cuLaunchKernel");
    check(cuCtxSynchronize(), "cuCtxSynchronize");
    check(cuMemcpyDtoH(c, dc, bytes), "cuMemcpyDtoH");
    unsigned wrong = 0;
    for (unsigned i = 0; i < n; i++) {
        if (c[i] != a[i] + b[i]) wrong++;
    }
    if (wrong) {
        printf("vecadd FAILED: %u of %u elements wrong on %s\n", wrong, n, name);
        return 1;
    }
    printf("vecadd OK: %u elements on %s (compute capability %d.%d), CUDA driver API %d.%d\n", n, name, major,
           minor, version / 1000, (version % 1000) / 10);
    return 0;
}
