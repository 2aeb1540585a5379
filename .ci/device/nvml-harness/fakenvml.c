#include <string.h>
int nvmlInit_v2(void){return 0;} int nvmlShutdown(void){return 0;}
int nvmlSystemGetDriverVersion(char*v,unsigned n){strcpy(v,"580.159.04");return 0;}
int nvmlSystemGetCudaDriverVersion_v2(int*c){*c=13000;return 0;}
int nvmlDeviceGetCount_v2(unsigned*c){*c=1;return 0;}
int nvmlDeviceGetHandleByIndex_v2(unsigned i,void**d){*d=(void*)0x1234;return 0;}
int nvmlDeviceGetName(void*d,char*b,unsigned n){strcpy(b,"NVIDIA H200");return 0;}
int nvmlDeviceGetUUID(void*d,char*b,unsigned n){strcpy(b,"GPU-abc");return 0;}
int nvmlDeviceGetPciInfo_v3(void*d,char*p){memset(p,0,68);strcpy(p+36,"00000000:00:06.0");return 0;}
int nvmlDeviceGetMemoryInfo(void*d,unsigned long long*m){m[0]=150ULL<<30;return 0;}
int nvmlDeviceGetCudaComputeCapability(void*d,int*a,int*b){*a=9;*b=0;return 0;}
int nvmlDeviceGetMigMode(void*d,unsigned*a,unsigned*b){*a=0;*b=0;return 0;}
