// SwiftPM links an executable target with `--defsym main=GenFuzz_main`, so that tests can
// call into it; with `-parse-as-library` that symbol is never emitted and the link fails
// (swiftlang/swift-package-manager#8731). Defining it here and handing control to libFuzzer's
// driver gives the same program as libFuzzer's own main would.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int GenFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
