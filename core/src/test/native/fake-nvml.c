/*
 * A stand-in libnvidia-ml.so.1 for tests on machines without an NVIDIA driver (CI). It exports the NVML entry
 * points gpuenv calls, with NVML's real signatures and struct layouts (nvml.h, NVML API v12), and answers with the
 * values the real H200 host gave (core/src/test/resources/fixtures/h200-linux: driver 580.159.04, CUDA 13.0,
 * one NVIDIA H200, 143771 MiB, compute capability 9.0, bus 00000000:00:06.0).
 *
 * Behaviour is chosen by gpuenv_fake_nvml_set_mode(const char *) (tests call it through JNA before each case; a
 * process cannot change its own environment), initially by the variable GPUENV_FAKE_NVML:
 *   (unset) or "h200"        one H200
 *   "two"                    two GPUs (the second a copy with index 1 and its own UUID/bus id)
 *   "init=<code>"            nvmlInit_v2 returns <code> (9 driver not loaded, 4 no permission, 18 version mismatch)
 *   "hang"                   nvmlInit_v2 sleeps for an hour (a hung driver)
 *   "device1=<code>"         with "two": queries of device 1 return <code> (a lost GPU)
 *   "count=<code>"           nvmlDeviceGetCount_v2 returns <code>
 * Build: gcc -shared -fPIC -o libnvidia-ml.so.1 fake-nvml.c
 * Built with -DGPUENV_FAKE_NVML_LOADED_MARKER='"/some/file"', the library creates that file when it is loaded
 * (dlopen runs its constructor): a test that must prove a library was never loaded looks for the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int nvmlReturn_t;
typedef struct nvmlDevice_st { int index; } *nvmlDevice_t;
typedef struct nvmlPciInfo_st {
    char busIdLegacy[16];
    unsigned int domain;
    unsigned int bus;
    unsigned int device;
    unsigned int pciDeviceId;
    unsigned int pciSubSystemId;
    char busId[32];
} nvmlPciInfo_t;
typedef struct nvmlMemory_st {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
} nvmlMemory_t;

static struct nvmlDevice_st devices[2] = {{0}, {1}};

#ifdef GPUENV_FAKE_NVML_LOADED_MARKER
__attribute__((constructor)) static void gpuenv_fake_nvml_loaded(void) {
    FILE *marker = fopen(GPUENV_FAKE_NVML_LOADED_MARKER, "w");
    if (marker != NULL) fclose(marker);
}
#endif

static char current_mode[128] = "";

void gpuenv_fake_nvml_set_mode(const char *m) {
    strncpy(current_mode, m == NULL ? "" : m, sizeof(current_mode) - 1);
    current_mode[sizeof(current_mode) - 1] = '\0';
}

static const char *mode(void) {
    if (current_mode[0] == '\0') {
        const char *m = getenv("GPUENV_FAKE_NVML");
        return m == NULL ? "h200" : m;
    }
    return current_mode;
}

static int code_after(const char *prefix) {
    const char *m = mode();
    size_t n = strlen(prefix);
    return strncmp(m, prefix, n) == 0 ? atoi(m + n) : 0;
}

static int device_count(void) {
    return strstr(mode(), "two") != NULL ? 2 : 1;
}

static nvmlReturn_t device_error(nvmlDevice_t d) {
    if (d == NULL) return 2; /* NVML_ERROR_INVALID_ARGUMENT */
    if (d->index == 1) {
        const char *m = strstr(mode(), "device1=");
        if (m != NULL) return atoi(m + 8);
    }
    return 0;
}

static void copy(char *dst, unsigned int length, const char *src) {
    if (length == 0) return;
    strncpy(dst, src, length - 1);
    dst[length - 1] = '\0';
}

nvmlReturn_t nvmlInit_v2(void) {
    if (strcmp(mode(), "hang") == 0) sleep(3600);
    return code_after("init=");
}

nvmlReturn_t nvmlShutdown(void) { return 0; }

const char *nvmlErrorString(nvmlReturn_t result) {
    switch (result) {
        case 0: return "Success";
        case 4: return "Insufficient Permissions";
        case 9: return "Driver Not Loaded";
        case 15: return "GPU is lost";
        case 18: return "Driver/library version mismatch";
        default: return "Unknown Error";
    }
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    copy(version, length, "580.159.04");
    return 0;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *cudaDriverVersion) {
    *cudaDriverVersion = 13000;
    return 0;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion(int *cudaDriverVersion) {
    return nvmlSystemGetCudaDriverVersion_v2(cudaDriverVersion);
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    int failure = code_after("count=");
    if (failure) return failure;
    *count = device_count();
    return 0;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (index >= (unsigned int) device_count()) return 2;
    *device = &devices[index];
    return 0;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    copy(name, length, "NVIDIA H200");
    return 0;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    copy(uuid, length, device->index == 0 ? "GPU-1b122d05-8c93-e80c-c42d-a43b421ae510"
                                          : "GPU-00000000-0000-0000-0000-000000000001");
    return 0;
}

nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    memset(pci, 0, sizeof(*pci));
    copy(pci->busIdLegacy, sizeof(pci->busIdLegacy), device->index == 0 ? "0000:00:06.0" : "0000:00:07.0");
    pci->domain = 0;
    pci->bus = 0;
    pci->device = device->index == 0 ? 6 : 7;
    pci->pciDeviceId = 0x233510de;
    pci->pciSubSystemId = 0x18a010de;
    copy(pci->busId, sizeof(pci->busId), device->index == 0 ? "00000000:00:06.0" : "00000000:00:07.0");
    return 0;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    memory->total = 143771ULL * 1024 * 1024;
    memory->used = 0;
    memory->free = memory->total;
    return 0;
}

nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int *major, int *minor) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    *major = 9;
    *minor = 0;
    return 0;
}

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode, unsigned int *pendingMode) {
    nvmlReturn_t e = device_error(device);
    if (e) return e;
    *currentMode = 0;
    *pendingMode = 0;
    return 0;
}
