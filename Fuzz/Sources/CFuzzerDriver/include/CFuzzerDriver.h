#ifndef DOSSIER_FUZZER_DRIVER_H
#define DOSSIER_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later): runs the fuzzing loop with a callback,
/// for programs whose `main` is their own, as a SwiftPM executable's is.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
