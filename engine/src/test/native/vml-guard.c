/*
 * vml-guard.c: records every call into oneMKL's vector maths (VML) that libtorch makes, for
 * VectorMathGuardTest. libtorch_cpu.so reaches VML through its PLT (vmsExp@plt, ...), so a
 * library loaded with LD_PRELOAD that defines the same symbols sees each call; it appends the
 * function's name and length to $MTBOARD_VML_GUARD_LOG on the first call of each function, then
 * forwards to the real one, so results are unchanged. DJL loads libtorch with RTLD_LOCAL, where
 * RTLD_NEXT does not look, so the real function is taken from libtorch_cpu.so's own handle.
 *
 * The list is every VML function libtorch 2.7.1's CPU library calls through its PLT
 * (objdump -d libtorch_cpu.so | grep -E 'call.*<vm?[sd][A-Z].*@plt>').
 *
 *   gcc -O2 -fPIC -shared -o libvml-guard.so vml-guard.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every forwarded function takes (n, a, r[, mode]) in integer registers: four words cover both forms. */
typedef void (*vml_fn)(long, const void*, void*, long);

static void record(const char* name, long n, int* seen) {
    if (__atomic_exchange_n(seen, 1, __ATOMIC_RELAXED)) {
        return;
    }
    const char* path = getenv("MTBOARD_VML_GUARD_LOG");
    if (path == NULL) {
        return;
    }
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0) {
        return;
    }
    char line[128];
    int len = snprintf(line, sizeof line, "VML %s n=%ld\n", name, n);
    if (len > 0) {
        ssize_t ignored = write(fd, line, (size_t)len);
        (void)ignored;
    }
    close(fd);
}

static vml_fn resolve(const char* name) {
    void* f = dlsym(RTLD_NEXT, name);
    if (f == NULL) {
        void* torch = dlopen("libtorch_cpu.so", RTLD_LAZY | RTLD_NOLOAD);
        f = torch == NULL ? NULL : dlsym(torch, name);
    }
    if (f == NULL) {
        fprintf(stderr, "vml-guard: cannot find the real %s to forward to\n", name);
        abort();
    }
    return (vml_fn)f;
}

#define GUARD(name)                                                     \
    void name(long n, const void* a, void* r, long mode) {              \
        static int seen;                                                \
        static vml_fn real;                                             \
        record(#name, n, &seen);                                        \
        if (real == NULL) {                                             \
            real = resolve(#name);                                  \
        }                                                               \
        real(n, a, r, mode);                                            \
    }

GUARD(vmsAcos) GUARD(vmsAsin) GUARD(vmsAtan) GUARD(vmsCos) GUARD(vmsErf) GUARD(vmsErfc)
GUARD(vmsErfInv) GUARD(vmsExp) GUARD(vmsLn) GUARD(vmsLog10) GUARD(vmsLog2) GUARD(vmsSin)
GUARD(vmsSqrt) GUARD(vmsTan) GUARD(vmsTanh) GUARD(vmsTrunc)
GUARD(vmdAcos) GUARD(vmdAsin) GUARD(vmdAtan) GUARD(vmdCos) GUARD(vmdErf) GUARD(vmdErfc)
GUARD(vmdErfInv) GUARD(vmdExp) GUARD(vmdLn) GUARD(vmdLog10) GUARD(vmdLog2) GUARD(vmdSin)
GUARD(vmdSqrt) GUARD(vmdTan) GUARD(vmdTanh) GUARD(vmdTrunc)
GUARD(vsLn) GUARD(vdLn)
